/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-eval.c: the findings matcher of `make eval` (tools/eyl-eval-findings)
 * on a report and an answer key written by the test. */
#include "config.h"

#include <string.h>

#include "eyl-eval-findings.h"
#include "eyl-eval-totals.h"
#include "eyl-fixtures.h"

/* Page 1: two URLs, a logo, a headline and a social handle, each with a
 * finding, and a page-level finding.  Page 2: the brand name and a
 * page-level finding.  Page 3: a logo and the brand name both hidden. */
static const char report_json[] =
    "{ \"files\": [ { \"path\": \"/corpus/shop.pdf\", \"status\": \"ok\", \"pages\": ["
    "  { \"index\": 0,"
    "    \"elements\": ["
    "      { \"id\": \"p0e0\", \"kind\": \"url\", \"text\": \"WWW.Example-Shop.org\" },"
    "      { \"id\": \"p0e4\", \"kind\": \"url\", \"text\": \"example-shop.org/menu\" },"
    "      { \"id\": \"p0e1\", \"kind\": \"logo\", \"text\": \"\" },"
    "      { \"id\": \"p0e2\", \"kind\": \"headline\", \"text\": \"Fresh tea every morning\" },"
    "      { \"id\": \"p0e3\", \"kind\": \"social\", \"text\": \"@teashop\" } ],"
    "    \"findings\": ["
    "      { \"rule\": \"no-call-to-action\", \"severity\": \"warning\", \"element\": null, \"message\": \"no cta\" },"
    "      { \"rule\": \"contact-hidden\", \"severity\": \"warning\", \"element\": \"p0e4\", \"message\": \"menu url hidden\" },"
    "      { \"rule\": \"contact-hidden\", \"severity\": \"error\", \"element\": \"p0e0\", \"message\": \"url hidden\" },"
    "      { \"rule\": \"brand-hidden\", \"severity\": \"warning\", \"element\": \"p0e1\", \"message\": \"logo hidden\" },"
    "      { \"rule\": \"text-too-small\", \"severity\": \"warning\", \"element\": \"p0e2\", \"message\": \"headline small\" },"
    "      { \"rule\": \"safe-zone\", \"severity\": \"warning\", \"element\": \"p0e3\", \"message\": \"handle at the edge\" } ] },"
    "  { \"index\": 1,"
    "    \"elements\": [ { \"id\": \"p1e0\", \"kind\": \"brand_name\", \"text\": \"Tea Shop\" } ],"
    "    \"findings\": ["
    "      { \"rule\": \"brand-hidden\", \"severity\": \"info\", \"element\": \"p1e0\", \"message\": \"name hidden\" },"
    "      { \"rule\": \"no-contact\", \"severity\": \"warning\", \"message\": \"no contact\" } ] },"
    "  { \"index\": 2,"
    "    \"elements\": ["
    "      { \"id\": \"p2e0\", \"kind\": \"brand_name\", \"text\": \"Tea Shop\" },"
    "      { \"id\": \"p2e1\", \"kind\": \"logo\", \"text\": \"\" } ],"
    "    \"findings\": ["
    "      { \"rule\": \"brand-hidden\", \"severity\": \"error\", \"element\": \"p2e0\", \"message\": \"name hidden\" },"
    "      { \"rule\": \"brand-hidden\", \"severity\": \"warning\", \"element\": \"p2e1\", \"message\": \"logo hidden\" } ] }"
    "] } ] }";

/* The must entries, in order: */
enum
{
  MUST_URL_HIDDEN,     /* found on both URLs ("(footer)" dropped), credited to the error */
  MUST_NO_CTA,         /* found, page-level; severity differs */
  MUST_LOGO_HIDDEN,    /* found on kind alone (a logo's key text describes it) */
  MUST_HEADLINE_SMALL, /* found: shares "fresh" */
  MUST_HEADLINE_OTHER, /* missed: shares only short words */
  MUST_URL_PAGE_2,     /* missed: no URL finding on page 2 */
  MUST_LOGO_PAGE_2,    /* found through the brand name (no logo on page 2) */
  MUST_NO_CONTACT_2,   /* found, page-level */
  MUST_NO_CONTACT_1,   /* missed: no-contact is on page 2 only */
  MUST_LOGO_PAGE_3,    /* found on the logo, not on the brand name */
  N_MUST
};

/* The must_not entries, in order: */
enum
{
  NOT_HANDLE_EDGE,  /* raised */
  NOT_ANY_HEADLINE, /* not raised: the one finding it meets is a must's */
  NOT_ANY_URL_2,    /* not raised: no URL finding on page 2 */
  NOT_URL_EDGE,     /* not raised: safe-zone is on the handle */
  NOT_ANY_NONE,     /* raised: any finding on page 1 (no page given) no must asks for */
  NOT_OTHER_URL,    /* not raised: another domain */
  NOT_SMALL_ANY,    /* not raised: element "none" takes any element, but the
                        * headline's finding is a must's */
  N_MUST_NOT
};

static const char key_json[] =
    "{ \"schema\": 1, \"files\": {"
    "  \"shop\": {"
    "    \"placement\": \"leaflet-rack\", \"size_mm\": [99, 210.5],"
    "    \"must\": ["
    "      { \"rule\": \"contact-hidden\", \"page\": 1, \"element\": \"url\", \"text\": \"example-shop.org (footer)\", \"severity\": \"error\" },"
    "      { \"rule\": \"no-call-to-action\", \"page\": 1, \"element\": \"none\", \"text\": \"\", \"severity\": \"error\" },"
    "      { \"rule\": \"brand-hidden\", \"page\": 1, \"element\": \"logo\", \"text\": \"Teapot emblem + wordmark\", \"severity\": \"warning\" },"
    "      { \"rule\": \"text-too-small\", \"page\": 1, \"element\": \"headline\", \"text\": \"FRESH coffee!\", \"severity\": \"warning\" },"
    "      { \"rule\": \"text-too-small\", \"page\": 1, \"element\": \"headline\", \"text\": \"Our new tea menu\", \"severity\": \"warning\" },"
    "      { \"rule\": \"contact-hidden\", \"page\": 2, \"element\": \"url\", \"text\": \"example-shop.org\", \"severity\": \"error\" },"
    "      { \"rule\": \"brand-hidden\", \"page\": 2, \"element\": \"logo\", \"text\": \"emblem\", \"severity\": \"warning\" },"
    "      { \"rule\": \"no-contact\", \"page\": 2, \"element\": \"none\", \"text\": \"\", \"severity\": \"warning\" },"
    "      { \"rule\": \"no-contact\", \"page\": 1, \"element\": \"none\", \"text\": \"\", \"severity\": \"error\" },"
    "      { \"rule\": \"brand-hidden\", \"page\": 3, \"element\": \"logo\", \"text\": \"emblem\", \"severity\": \"error\" }"
    "    ],"
    "    \"must_not\": ["
    "      { \"rule\": \"safe-zone\", \"page\": 1, \"element\": \"social\", \"text\": \"@TeaShop (Twitter handle)\" },"
    "      { \"rule\": \"*\", \"page\": 1, \"element\": \"headline\", \"text\": \"fresh tea\" },"
    "      { \"rule\": \"*\", \"page\": 2, \"element\": \"url\", \"text\": \"\" },"
    "      { \"rule\": \"safe-zone\", \"page\": 1, \"element\": \"url\", \"text\": \"example-shop.org\" },"
    "      { \"rule\": \"*\", \"element\": \"none\", \"text\": \"\" },"
    "      { \"rule\": \"contact-hidden\", \"page\": 1, \"element\": \"url\", \"text\": \"other-domain.net\" },"
    "      { \"rule\": \"text-too-small\", \"page\": 1, \"element\": \"none\", \"text\": \"NAME / STUDENT NUMBER\" }"
    "    ] },"
    "  \"absent\": { \"placement\": \"poster-wall\", \"size_mm\": [297, 420],"
    "    \"must\": [ { \"rule\": \"no-contact\", \"page\": 1, \"element\": \"none\", \"text\": \"\", \"severity\": \"error\" } ] }"
    "} }";

typedef struct
{
  GPtrArray *files;
} Fixture;

/* The key loaded, "shop" scored against the report, "absent" marked as
 * the runner marks a key entry without its PDF. */
static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = eyl_fixture_bytes ("eval-key.json", key_json, strlen (key_json));
  g_autofree char *report = eyl_fixture_bytes ("eval-shop.json", report_json, strlen (report_json));
  EylEvalFile     *shop;

  fixture->files = eyl_eval_key_load (key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->files);
  g_assert_cmpuint (fixture->files->len, ==, 2);

  shop = fixture->files->pdata[0];
  g_assert_cmpstr (shop->id, ==, "shop");
  g_assert_true (eyl_eval_file_read_report (shop, report, &error));
  g_assert_no_error (error);
  shop->status = EYL_EVAL_CHECKED;
  eyl_eval_file_score (shop);
  ((EylEvalFile *) fixture->files->pdata[1])->status = EYL_EVAL_ABSENT;
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  g_ptr_array_unref (fixture->files);
}

static const EylEvalFinding *
hit (Fixture    *fixture,
     const char *list,
     guint       i)
{
  EylEvalFile *shop = fixture->files->pdata[0];
  GPtrArray   *expects = g_str_equal (list, "must") ? shop->must : shop->must_not;

  g_assert_cmpuint (i, <, expects->len);
  return ((EylEvalExpect *) expects->pdata[i])->hit;
}

/* The finding a key entry should be met by; NULL fields are not checked. */
typedef struct
{
  guint       index;
  const char *kind; /* "" for a page-level finding */
  const char *severity;
  const char *message;
} Hit;

static void
assert_hits (Fixture    *fixture,
             const char *list,
             const Hit  *hits,
             guint       n_hits)
{
  for (guint i = 0; i < n_hits; i++)
    {
      const EylEvalFinding *finding = hit (fixture, list, hits[i].index);

      g_test_message ("%s[%u]", list, hits[i].index);
      g_assert_nonnull (finding);
      if (hits[i].kind != NULL && *hits[i].kind == '\0')
        g_assert_null (finding->kind);
      else if (hits[i].kind != NULL)
        g_assert_cmpstr (finding->kind, ==, hits[i].kind);
      if (hits[i].severity != NULL)
        g_assert_cmpstr (finding->severity, ==, hits[i].severity);
      if (hits[i].message != NULL)
        g_assert_cmpstr (finding->message, ==, hits[i].message);
    }
}

static void
test_text (void)
{
  const struct
  {
    const char *key;
    const char *seen;
    gboolean    match;
  } cases[] = {
    /* Case, punctuation and a parenthesised description in the key. */
    { "www.osgeo.org (back cover)", "WWW.OSGEO.ORG", TRUE },
    { "@mobileeraconf (Twitter handle)", "mobileeraconf", TRUE },
    /* One contains the other, spaces aside. */
    { "osgeo.org", "https://www.osgeo.org/", TRUE },
    { "https://freifunk-myk.de / info@freifunk-myk.de", "freifunk-myk.de", TRUE },
    /* A shared word of four letters or more. */
    { "Mitmachen - Austauschen", "Austauschen und lernen", TRUE },
    { "nicht zögern", "ZÖGERN", TRUE },
    /* A decomposed accent (o + U+0308) is the same letter. */
    { "zo\xcc\x88gern", "zögern", TRUE },
    /* Only shorter words, or the URL scheme, in common. */
    { "Our new tea menu", "Fresh tea every morning", FALSE },
    { "http://git.io/vtlhj", "http://freifunk-myk.de", FALSE },
    /* The description is not the text. */
    { "@gride (Twitter handle)", "Twitter", FALSE },
    { "www.gvsig.com", "www.osgeo.org", FALSE },
    /* An empty key text takes any text; an empty text read meets no key text. */
    { "", "anything", TRUE },
    { "godotengine.org", "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s” ~ “%s”", cases[i].key, cases[i].seen);
      g_assert_cmpint (eyl_eval_text_matches (cases[i].key, cases[i].seen), ==, cases[i].match);
    }
}

static void
test_key (Fixture      *fixture,
          gconstpointer data)
{
  EylEvalFile   *shop = fixture->files->pdata[0];
  EylEvalExpect *no_page = shop->must_not->pdata[NOT_ANY_NONE];

  g_assert_cmpstr (shop->placement, ==, "leaflet-rack");
  g_assert_cmpfloat_with_epsilon (shop->size_mm[0], 99, 1e-9);
  g_assert_cmpfloat_with_epsilon (shop->size_mm[1], 210.5, 1e-9);
  g_assert_cmpuint (shop->must->len, ==, N_MUST);
  g_assert_cmpuint (shop->must_not->len, ==, N_MUST_NOT);
  g_assert_cmpuint (no_page->page, ==, 1);
  g_assert_null (no_page->severity);
  g_assert_cmpuint (shop->findings->len, ==, 10);
}

static void
test_found (Fixture      *fixture,
            gconstpointer data)
{
  const Hit hits[] = {
    /* Both URL findings meet it; the one at the key's severity counts. */
    { MUST_URL_HIDDEN, "url", "error", "url hidden" },
    { MUST_NO_CTA, "", "warning", NULL },
    { MUST_LOGO_HIDDEN, "logo", NULL, "logo hidden" },
    { MUST_HEADLINE_SMALL, "headline", NULL, "headline small" },
    { MUST_NO_CONTACT_2, "", NULL, "no contact" },
  };

  assert_hits (fixture, "must", hits, G_N_ELEMENTS (hits));
}

static void
test_missed (Fixture      *fixture,
             gconstpointer data)
{
  g_assert_null (hit (fixture, "must", MUST_HEADLINE_OTHER));
  g_assert_null (hit (fixture, "must", MUST_URL_PAGE_2));
  g_assert_null (hit (fixture, "must", MUST_NO_CONTACT_1));
}

static void
test_brand_family (Fixture      *fixture,
                   gconstpointer data)
{
  const Hit hits[] = {
    /* No logo on page 2: the brand name stands in. */
    { MUST_LOGO_PAGE_2, "brand_name", "info", NULL },
    /* On page 3 the logo's own finding is credited, although the brand
     * name's has the key's severity. */
    { MUST_LOGO_PAGE_3, "logo", "warning", NULL },
  };

  assert_hits (fixture, "must", hits, G_N_ELEMENTS (hits));
}

static void
test_must_not (Fixture      *fixture,
               gconstpointer data)
{
  const Hit hits[] = {
    { NOT_HANDLE_EDGE, "social", NULL, "handle at the edge" },
    /* No page given: page 1, where the page-level finding and the URL's
     * error meet musts and the other URL's warning does not. */
    { NOT_ANY_NONE, "url", NULL, "menu url hidden" },
  };

  assert_hits (fixture, "must_not", hits, G_N_ELEMENTS (hits));
  g_assert_null (hit (fixture, "must_not", NOT_ANY_HEADLINE));
  g_assert_null (hit (fixture, "must_not", NOT_SMALL_ANY));
  g_assert_null (hit (fixture, "must_not", NOT_ANY_URL_2));
  g_assert_null (hit (fixture, "must_not", NOT_URL_EDGE));
  g_assert_null (hit (fixture, "must_not", NOT_OTHER_URL));
}

static void
test_totals (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(GHashTable) totals = eyl_eval_totals_count (fixture->files);
  g_autoptr(GHashTable) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char  *path = g_build_filename (eyl_fixture_dir (), "eval-totals.tsv", NULL);
  const char *const names[] = {
    "files.key",
    "files.checked",
    "files.absent",
    "must.total",
    "must.found",
    "must.severity_agrees",
    "must_not.total",
    "must_not.raised",
    "findings",
    "rule/brand-hidden/warning",
    "rule/brand-hidden/error",
    "rule/no-contact/warning",
  };
  const guint expected[] = { 2, 1, 1, N_MUST, 7, 4, N_MUST_NOT, 2, 10, 2, 1, 1 };

  /* The absent file's must counts neither way. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_test_message ("%s", names[i]);
      g_assert_cmpuint (eyl_eval_totals_get (totals, names[i]), ==, expected[i]);
    }

  g_assert_true (eyl_eval_totals_save (totals, path, &error));
  g_assert_no_error (error);
  loaded = eyl_eval_totals_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (loaded), ==, g_hash_table_size (totals));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpuint (eyl_eval_totals_get (loaded, names[i]), ==, expected[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/eval/text", test_text);
  g_test_add ("/eyl/eval/key", Fixture, NULL, fixture_setup, test_key, fixture_teardown);
  g_test_add ("/eyl/eval/found", Fixture, NULL, fixture_setup, test_found, fixture_teardown);
  g_test_add ("/eyl/eval/missed", Fixture, NULL, fixture_setup, test_missed, fixture_teardown);
  g_test_add ("/eyl/eval/brand-family", Fixture, NULL, fixture_setup, test_brand_family, fixture_teardown);
  g_test_add ("/eyl/eval/must-not", Fixture, NULL, fixture_setup, test_must_not, fixture_teardown);
  g_test_add ("/eyl/eval/totals", Fixture, NULL, fixture_setup, test_totals, fixture_teardown);

  return g_test_run ();
}

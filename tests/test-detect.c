/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-detect.c: the detectors on page snapshots built with the builder:
 * text at known boxes and sizes, so every box can be worked out by hand. */
#include "config.h"

#include <string.h>

#include "eyl-detect.h"
#include "rules/eyl-rules-private.h"
#include "eyl-detect-private.h"
#include "eyl-phrases.h"

/* The builder gives each character an equal share of the run's box; with
 * a run 0.6 em per character wide, character i of a line at @x spans
 * x + 0.6·size·i … x + 0.6·size·(i+1), and the line y … y + size. */
#define EM 0.6

typedef struct
{
  const char *text;
  double      x, y, size;
  guint32     color;
} Line;

static void
add_line (EylPageDataBuilder *builder,
          const Line         *line)
{
  glong   n = g_utf8_strlen (line->text, -1);
  EylRect box = { line->x, line->y, line->x + EM * line->size * n, line->y + line->size };

  eyl_page_data_builder_add_text (builder, line->text, &box, NULL, "Sans", line->size,
                                  line->color);
  eyl_page_data_builder_add_text (builder, "\n", &box, NULL, "Sans", line->size, line->color);
}

static EylPageData *
page_new (const Line *lines,
          guint       n_lines)
{
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 600, 1400);

  for (guint i = 0; i < n_lines; i++)
    add_line (builder, &lines[i]);
  return eyl_page_data_builder_end (builder);
}

/* One line of 12 pt text at 50, 100. */
static GPtrArray *
contacts_of (const char *text)
{
  Line line = { text, 50, 100, 12, 0 };
  g_autoptr(EylPageData) page = page_new (&line, 1);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

  eyl_detect_contacts (page, out);
  return out;
}

static guint
count_kind (GPtrArray     *elements,
            EylElementKind kind)
{
  guint n = 0;

  for (guint i = 0; i < elements->len; i++)
    if (((EylElement *) g_ptr_array_index (elements, i))->kind == kind)
      n++;
  return n;
}

static EylElement *
find_kind (GPtrArray     *elements,
           EylElementKind kind)
{
  for (guint i = 0; i < elements->len; i++)
    if (((EylElement *) g_ptr_array_index (elements, i))->kind == kind)
      return g_ptr_array_index (elements, i);
  return NULL;
}

/* Asserts that @text holds exactly one element of @kind saying @expected. */
static void
assert_one (const char    *text,
            EylElementKind kind,
            const char    *expected)
{
  g_autoptr(GPtrArray) out = contacts_of (text);
  EylElement *element = find_kind (out, kind);

  if (count_kind (out, kind) != 1)
    g_test_message ("in “%s”: %u of kind %s", text, count_kind (out, kind),
                    eyl_element_kind_to_string (kind));
  g_assert_cmpuint (count_kind (out, kind), ==, 1);
  g_assert_cmpstr (element->text, ==, expected);
  g_assert_true (element->source == EYL_SOURCE_TEXT);
}

static void
assert_no_contact (const char *text)
{
  g_autoptr(GPtrArray) out = contacts_of (text);

  for (guint i = 0; i < out->len; i++)
    {
      EylElement *element = g_ptr_array_index (out, i);
      g_test_message ("in “%s”: unexpected %s “%s”", text,
                      eyl_element_kind_to_string (element->kind), element->text);
    }
  g_assert_cmpuint (out->len, ==, 0);
}

/* The texts of the elements of @kind, "|"-separated, in page order. */
static char *
texts_of (GPtrArray     *elements,
          EylElementKind kind)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *e = g_ptr_array_index (elements, i);

      if (e->kind != kind)
        continue;
      if (s->len > 0)
        g_string_append_c (s, '|');
      g_string_append (s, e->text);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GPtrArray *
contacts_of_page (const EylPageData *page)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

  eyl_detect_contacts (page, out);
  for (guint i = 0; i < out->len; i++)
    {
      EylElement *e = g_ptr_array_index (out, i);
      g_test_message ("  %s “%s”", eyl_element_kind_to_string (e->kind), e->text);
    }
  return out;
}

static GPtrArray *
contacts_of_lines (const Line *lines,
                   guint       n_lines)
{
  g_autoptr(EylPageData) page = page_new (lines, n_lines);

  return contacts_of_page (page);
}

/* Lines in the font @font (a monospace one for code). */
static EylPageData *
page_new_font (const Line *lines,
               guint       n_lines,
               const char *font)
{
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 600, 1400);

  for (guint i = 0; i < n_lines; i++)
    {
      glong   n = g_utf8_strlen (lines[i].text, -1);
      EylRect box = { lines[i].x, lines[i].y, lines[i].x + EM * lines[i].size * n,
                      lines[i].y + lines[i].size };

      eyl_page_data_builder_add_text (builder, lines[i].text, &box, NULL, font, lines[i].size, 0);
      eyl_page_data_builder_add_text (builder, "\n", &box, NULL, font, lines[i].size, 0);
    }
  return eyl_page_data_builder_end (builder);
}

static void
test_phone_formats (void)
{
  const char *phones[] = {
    "+44 20 7946 0958",
    "(030) 1234-567",
    "+1 (555) 010-0199",
    "+49 (0)30 1234567",
    "+44 (0)20 7946 0958",
    "030.1234.567",
    "+33 1 23 45 67 89",
    "0800 123 4567",
    "555-010-0199",
    "+31 20 123 4567",
    "0049 30 1234567",
    "030 / 123 45 67",
  };

  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_autofree char *line = g_strdup_printf ("Tel. %s", phones[i]);
      g_autofree char *bare = g_strdup_printf ("Questions? %s.", phones[i]);

      g_test_message ("phone %s", phones[i]);
      g_assert_true (eyl_detect_is_phone (phones[i]));
      assert_one (line, EYL_ELEMENT_PHONE, phones[i]);
      assert_one (bare, EYL_ELEMENT_PHONE, phones[i]);
    }
}

static void
test_phone_negatives (void)
{
  const char *not_phones[] = {
    "3.5",
    "v2.0",
    "2018",
    "10:30",
    "2018-2024",
    "12.05.2024",
    "01.05.2024",
    "2024-05-12",
    "1234567",
    "0.5 1.5 2.5 3.5",
    "978-3-16-148410-0",
    "12345",
    "10:30–18:00",
  };
  const char *lines[] = {
    "Open 10:30–18:00 since 2018, version v2.0, rated 3.5, see logo.pdf",
    "Dates: 01.05.2024 – 03.05.2024, 2024-05-12",
    "Price € 1 299 000 incl. VAT",
    "Area 1 250 000 m² of parks",
    "ISBN 978-3-16-148410-0",
    "Order 12345678 shipped",
    "Room 1234 5678",
    "01001100 01101001",
    "Scores 0.5 1.5 2.5 3.5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (not_phones); i++)
    {
      g_test_message ("not a phone: %s", not_phones[i]);
      g_assert_false (eyl_detect_is_phone (not_phones[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    assert_no_contact (lines[i]);
}

static void
test_phone_prefix (void)
{
  g_autoptr(GPtrArray) labelled = contacts_of ("Call 1234 5678");
  g_autoptr(GPtrArray) with_tel = contacts_of ("Tel.: 030 1234567");
  g_autoptr(GPtrArray) without = contacts_of ("030 1234567");

  /* Without the label "1234 5678" has no phone shape; with it, it is one. */
  g_assert_cmpuint (count_kind (labelled, EYL_ELEMENT_PHONE), ==, 1);
  g_assert_cmpuint (count_kind (with_tel, EYL_ELEMENT_PHONE), ==, 1);
  g_assert_cmpuint (count_kind (without, EYL_ELEMENT_PHONE), ==, 1);
  g_assert_cmpfloat (find_kind (with_tel, EYL_ELEMENT_PHONE)->confidence, >,
                     find_kind (without, EYL_ELEMENT_PHONE)->confidence);

  /* An unbroken run of digits needs the label. */
  {
    g_autoptr(GPtrArray) run = contacts_of ("0301234567");
    g_autoptr(GPtrArray) run_labelled = contacts_of ("Phone: 0301234567");

    g_assert_cmpuint (count_kind (run, EYL_ELEMENT_PHONE), ==, 0);
    g_assert_cmpuint (count_kind (run_labelled, EYL_ELEMENT_PHONE), ==, 1);
  }
}

static void
test_email (void)
{
  g_assert_true (eyl_detect_is_email ("hello@northwind-tea.example"));
  g_assert_true (eyl_detect_is_email ("info.sales+print@example.co.uk"));
  g_assert_false (eyl_detect_is_email ("@northwind"));
  g_assert_false (eyl_detect_is_email ("hello@localhost"));
  g_assert_false (eyl_detect_is_email ("hello at northwind dot example"));

  assert_one ("Write to hello@northwind-tea.example.", EYL_ELEMENT_EMAIL,
              "hello@northwind-tea.example");
  assert_one ("E: info.sales+print@example.co.uk", EYL_ELEMENT_EMAIL,
              "info.sales+print@example.co.uk");

  /* The domain of an email is not also a URL, nor its name a handle. */
  {
    g_autoptr(GPtrArray) out = contacts_of ("hello@northwind-tea.example");

    g_assert_cmpuint (out->len, ==, 1);
  }
}

static void
test_url (void)
{
  const char *urls[] = {
    "https://www.northwind-tea.example/shop?x=1",
    "www.osgeo.org",
    "northwind.example",
    "NORTHWIND.COM",
    "http://example.org/a_(b)",
    "shop.example.co.uk/tea",
  };
  const char *not_urls[] = { "logo.pdf", "3.5", "v2.0", "node.js", "file.docx", "www.",
                             "e.g.", "http://", "www.northwind-" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_test_message ("url %s", urls[i]);
      g_assert_true (eyl_detect_is_url (urls[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_urls); i++)
    {
      g_test_message ("not a url %s", not_urls[i]);
      g_assert_false (eyl_detect_is_url (not_urls[i]));
    }

  assert_one ("See https://www.northwind-tea.example/shop?x=1.", EYL_ELEMENT_URL,
              "https://www.northwind-tea.example/shop?x=1");
  assert_one ("Find us: www.osgeo.org, or ask", EYL_ELEMENT_URL, "www.osgeo.org");
  assert_one ("Visit northwind.example today", EYL_ELEMENT_URL, "northwind.example");
  assert_one ("(see www.example.org)", EYL_ELEMENT_URL, "www.example.org");
  assert_one ("NORTHWIND.COM", EYL_ELEMENT_URL, "NORTHWIND.COM");
  assert_no_contact ("That was the end.It was late, e.g. at 3.5 or v2.0 with node.js");
  assert_no_contact ("Download logo.pdf and report.docx");

  /* Any TLD of the Public Suffix List, none that is not in it; file names
   * whose extension happens to be a TLD are not web addresses. */
  assert_one ("mobileera.rocks", EYL_ELEMENT_URL, "mobileera.rocks");
  assert_one ("Programme at northwind.events/2027", EYL_ELEMENT_URL, "northwind.events/2027");
  assert_one ("Tickets: tea.berlin", EYL_ELEMENT_URL, "tea.berlin");
  assert_no_contact ("see plan.notatld or ring.xyzq");
  assert_no_contact ("Run setup.py, read notes.md");
}

static void
test_domain_of (void)
{
  const struct
  {
    const char *in, *out;
  } cases[] = {
    { "https://www.Northwind-Tea.example/x", "northwind-tea.example" },
    { "hello@northwind-tea.example", "northwind-tea.example" },
    { "mailto:hello@Shop.Example.org?subject=hi", "example.org" },
    { "shop.example.co.uk/tea", "example.co.uk" },
    { "osgeo.org", "osgeo.org" },
    { "http://bremen.freifunk.net/x", "freifunk.net" },
    { "www.mobileera.rocks", "mobileera.rocks" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *domain = eyl_detect_domain_of (cases[i].in);
      g_assert_cmpstr (domain, ==, cases[i].out);
    }
  g_assert_null (eyl_detect_domain_of ("not a domain"));
}

static void
test_url_split (void)
{
  const Line split[] = {
    { "Visit www.northwind-", 50, 100, 20, 0 },
    { "tea.example for more", 50, 124, 20, 0 },
  };
  const Line whole[] = {
    { "Visit www.northwind.example", 50, 100, 20, 0 },
    { "Opening hours daily", 50, 124, 20, 0 },
  };
  g_autoptr(EylPageData) page = page_new (split, G_N_ELEMENTS (split));
  g_autoptr(EylPageData) page2 = page_new (whole, G_N_ELEMENTS (whole));
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  g_autoptr(GPtrArray) out2 = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  EylElement *url;

  eyl_detect_contacts (page, out);
  g_assert_cmpuint (count_kind (out, EYL_ELEMENT_URL), ==, 1);
  url = find_kind (out, EYL_ELEMENT_URL);
  g_assert_cmpstr (url->text, ==, "www.northwind-tea.example");
  /* "www.northwind-" is characters 6 … 19 of line 1 (12 pt each, so
   * x 122 … 290), "tea.example" characters 0 … 10 of line 2 (x 50 … 182):
   * the union spans x 50 … 290, y 100 … 144. */
  g_assert_cmpfloat_with_epsilon (url->box.x0, 50, 0.5);
  g_assert_cmpfloat_with_epsilon (url->box.y0, 100, 0.5);
  g_assert_cmpfloat_with_epsilon (url->box.y1, 144, 0.5);
  g_assert_cmpfloat_with_epsilon (url->box.x1, 50 + 20 * 12, 0.5);

  eyl_detect_contacts (page2, out2);
  g_assert_cmpuint (count_kind (out2, EYL_ELEMENT_URL), ==, 1);
  g_assert_cmpstr (find_kind (out2, EYL_ELEMENT_URL)->text, ==, "www.northwind.example");
  g_assert_cmpfloat_with_epsilon (find_kind (out2, EYL_ELEMENT_URL)->box.y1, 120, 0.5);
}

static void
test_social (void)
{
  assert_one ("Twitter: @northwind_tea", EYL_ELEMENT_SOCIAL, "@northwind_tea");
  assert_one ("Follow @northwind@mastodon.social", EYL_ELEMENT_SOCIAL,
              "@northwind@mastodon.social");
  assert_one ("twitter.com/northwind", EYL_ELEMENT_SOCIAL, "twitter.com/northwind");
  assert_one ("https://www.instagram.com/northwindtea/", EYL_ELEMENT_SOCIAL,
              "https://www.instagram.com/northwindtea/");
  assert_one ("https://fosstodon.example/@northwind", EYL_ELEMENT_SOCIAL,
              "https://fosstodon.example/@northwind");
  assert_one ("github.com/osgeo", EYL_ELEMENT_SOCIAL, "github.com/osgeo");
  assert_one ("Mastodon: #NorthwindTea", EYL_ELEMENT_SOCIAL, "#NorthwindTea");

  /* Profile URLs are social, not url; an email is no handle; a hashtag
   * without a network named is just a number sign. */
  {
    g_autoptr(GPtrArray) out = contacts_of ("linkedin.com/company/northwind");
    g_assert_cmpuint (count_kind (out, EYL_ELEMENT_URL), ==, 0);
  }
  {
    g_autoptr(GPtrArray) out = contacts_of ("me@northwind.example");
    g_assert_cmpuint (count_kind (out, EYL_ELEMENT_SOCIAL), ==, 0);
    g_assert_cmpuint (count_kind (out, EYL_ELEMENT_EMAIL), ==, 1);
  }
  assert_no_contact ("We are #1 in tea");

  /* A tag alone on its line (a banner's event tag), or a channel under a
   * label of its own; a tag inside running copy is not. */
  assert_one ("#mobileera", EYL_ELEMENT_SOCIAL, "#mobileera");
  assert_one ("IRC: #ffhb im Hackint", EYL_ELEMENT_SOCIAL, "#ffhb");
  assert_one ("#ffhb im Hackint", EYL_ELEMENT_SOCIAL, "#ffhb");
  assert_no_contact ("Our tea is the #best in town and everybody in the whole town knows it");
}

static void
test_address (void)
{
  const Line uk[] = {
    { "Northwind Tea Ltd", 50, 100, 12, 0 },
    { "12 Harbour Road", 50, 114, 12, 0 },
    { "London SE1 9XX", 50, 128, 12, 0 },
    { "The 2018 Annual Report", 50, 400, 12, 0 },
  };
  g_autoptr(EylPageData) page = page_new (uk, G_N_ELEMENTS (uk));
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  EylElement *address;

  eyl_detect_contacts (page, out);
  g_assert_cmpuint (count_kind (out, EYL_ELEMENT_ADDRESS), ==, 1);
  address = find_kind (out, EYL_ELEMENT_ADDRESS);
  g_assert_cmpstr (address->text, ==, "12 Harbour Road, London SE1 9XX");
  g_assert_cmpfloat_with_epsilon (address->box.y0, 114, 0.5);
  g_assert_cmpfloat_with_epsilon (address->box.y1, 140, 0.5);

  assert_one ("Hauptstraße 5, 10115 Berlin", EYL_ELEMENT_ADDRESS,
              "Hauptstraße 5, 10115 Berlin");
  assert_one ("Rue de Rivoli 99, 75001 Paris", EYL_ELEMENT_ADDRESS,
              "Rue de Rivoli 99, 75001 Paris");
  assert_one ("Keizersgracht 1, 1015 CJ Amsterdam", EYL_ELEMENT_ADDRESS,
              "Keizersgracht 1, 1015 CJ Amsterdam");
  /* A street with its house number is an address without a postcode. */
  assert_one ("Bornstraße 14/15 in Bremen", EYL_ELEMENT_ADDRESS, "Bornstraße 14/15 in Bremen");
  assert_one ("221B Baker Street", EYL_ELEMENT_ADDRESS, "221B Baker Street");
  assert_one ("11 rue de la Paix", EYL_ELEMENT_ADDRESS, "11 rue de la Paix");
  assert_one ("Via Roma, 10", EYL_ELEMENT_ADDRESS, "Via Roma, 10");
  assert_no_contact ("We are offering 5 workshops in 3 rooms");
  assert_no_contact ("Since 2018 Berlin has had 12345 Visitors");
  assert_no_contact ("Take the Road less travelled");
}

/* Code and technical text: JSON-LD, markup, a shell session in a
 * monospace font, file paths: nothing there is a way to reach the brand. */
static void
test_not_code (void)
{
  assert_no_contact ("{\"@context\": \"https://schema.org\", \"@type\": \"Organization\",");
  assert_no_contact ("\"url\": \"https://www.northwind-tea.example\", \"email\": \"hi@northwind.example\"");
  assert_no_contact ("<link rel=\"me\" href=\"https://social.northwind.example/@tea\"/>");
  assert_no_contact ("Logs in /var/log/northwind.com/ and ~/northwind.net or C:\\Sites\\tea.org");
  /* A price at the start of a line is no shell prompt. */
  assert_one ("$ 99 a box: call 555-010-0199", EYL_ELEMENT_PHONE, "555-010-0199");

  /* A shell session set in a monospace font: the lines around the URL
   * are code, so the URL is an argument, not a contact. */
  {
    const Line lines[] = {
      { "$ git clone https://github.com/northwind/tea.git", 50, 100, 10, 0 },
      { "$ cd tea && make", 50, 112, 10, 0 },
    };
    g_autoptr(EylPageData) page = page_new_font (lines, G_N_ELEMENTS (lines), "DejaVu Sans Mono");
    g_autoptr(GPtrArray) out = contacts_of_page (page);

    g_assert_cmpuint (out->len, ==, 0);
  }
  /* A web address set in a monospace face on its own is still one. */
  {
    const Line lines[] = {
      { "www.northwind-tea.example", 50, 100, 20, 0 },
    };
    g_autoptr(EylPageData) page = page_new_font (lines, 1, "Courier New");
    g_autoptr(GPtrArray) out = contacts_of_page (page);

    g_assert_cmpuint (count_kind (out, EYL_ELEMENT_URL), ==, 1);
  }
}

/* A template that was never filled in prints its placeholders: they are
 * no contacts, and the placeholder-text rule names them. */
static void
test_not_placeholder (void)
{
  const Line lines[] = {
    { "Mail: [name@example.com]", 50, 100, 12, 0 },
    { "Web: [www.example.com] Tel. [PHONE]", 50, 120, 12, 0 },
    { "Write to {{email}} or [E-MAIL]", 50, 140, 12, 0 },
    { "Order at www.northwind-tea.example", 50, 200, 12, 0 },
  };
  g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
  g_autoptr(GPtrArray) out = contacts_of_page (page);
  g_autofree char *named = NULL;
  guint            n_named = 0;

  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpstr (find_kind (out, EYL_ELEMENT_URL)->text, ==, "www.northwind-tea.example");
  named = eyl_rule_placeholder_find_template (page->text, &n_named);
  g_assert_nonnull (named);
  g_assert_nonnull (strstr (named, "[name@example.com]"));
  g_assert_cmpuint (n_named, ==, 5);

  /* Brackets alone are no placeholder. */
  assert_one ("Shop online [www.northwind-tea.example]", EYL_ELEMENT_URL,
              "www.northwind-tea.example");
}

/* Network addresses, Wi-Fi names, file names, licence links and the
 * document's own link. */
static void
test_not_contacts (void)
{
  assert_no_contact ("Router: 192.168.178.1, admin at http://192.168.0.1/admin");
  assert_no_contact ("Server 10.0.0.138:8080 and 2001:db8::1");
  assert_no_contact ("SSID: cafe.northwind.example");
  assert_no_contact ("WLAN: cafe.northwind.example, Wi-Fi name = tea.northwind.example");
  assert_no_contact ("Download flyer_v2.pdf, read README.md, run setup.py, unpack tea.tar.gz");
  assert_no_contact ("CC BY-SA 4.0 https://creativecommons.org/licenses/by-sa/4.0/");
  assert_no_contact ("Licence: opensource.org/licenses/MIT or https://www.gnu.org/licenses/gpl-3.0.html");

  /* The network's name in the copy, wrapped onto the next line. */
  {
    const Line lines[] = {
      { "Verbinde dich mit dem WLAN mit dem Namen", 50, 100, 12, 0 },
      { "bremen.freifunk.net und surfe los", 50, 114, 12, 0 },
    };
    g_autoptr(GPtrArray) out = contacts_of_lines (lines, G_N_ELEMENTS (lines));

    g_assert_cmpuint (out->len, ==, 0);
  }
  /* Wi-Fi named before a real call to visit is no network name, nor is
   * the address under a headline that offers Wi-Fi. */
  assert_one ("Free Wi-Fi at our stand, visit www.northwind-tea.example", EYL_ELEMENT_URL,
              "www.northwind-tea.example");
  {
    const Line lines[] = {
      { "Freies WLAN", 50, 100, 60, 0 },
      { "bremen.freifunk.net", 50, 170, 30, 0 },
    };
    g_autoptr(GPtrArray) out = contacts_of_lines (lines, G_N_ELEMENTS (lines));

    g_assert_cmpuint (count_kind (out, EYL_ELEMENT_URL), ==, 1);
  }

  /* Link annotations: a licence badge and the PDF's link to itself. */
  {
    EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 600, 800);
    EylRect             badge = { 300, 700, 360, 720 };
    EylRect             self = { 0, 0, 600, 800 };
    g_autoptr(EylPageData) page = NULL;
    g_autoptr(GPtrArray) out = NULL;

    eyl_page_data_builder_add_link (builder, &badge,
                                    "https://creativecommons.org/licenses/by-nc-sa/4.0/");
    eyl_page_data_builder_add_link (builder, &self,
                                    "https://northwind-tea.example/print/flyer-2024.pdf");
    /* A QR code image carries its own link: the QR is the contact. */
    eyl_page_data_builder_add_image (builder, &(EylRect) { 400, 600, 460, 660 }, 120, 120);
    eyl_page_data_builder_add_link (builder, &(EylRect) { 400, 600, 460, 660 },
                                    "https://northwind-tea.example/");
    page = eyl_page_data_builder_end (builder);
    out = contacts_of_page (page);
    g_assert_cmpuint (out->len, ==, 0);
  }
}

/* One contact is one element: a handle and its profile URL, an address
 * printed twice on top of itself. */
static void
test_contact_once (void)
{
  {
    const Line lines[] = {
      { "Follow @NorthwindTea", 50, 100, 20, 0 },
      { "twitter.com/northwindtea", 50, 400, 12, 0 },
      { "@other_shop", 50, 500, 12, 0 },
    };
    g_autoptr(GPtrArray) out = contacts_of_lines (lines, G_N_ELEMENTS (lines));
    g_autofree char *social = texts_of (out, EYL_ELEMENT_SOCIAL);

    g_assert_cmpstr (social, ==, "@NorthwindTea|@other_shop");
  }
  {
    const Line lines[] = {
      { "x.com/northwind", 50, 100, 20, 0 },
      { "@northwind", 50, 400, 12, 0 },
    };
    g_autoptr(GPtrArray) out = contacts_of_lines (lines, G_N_ELEMENTS (lines));
    g_autofree char *social = texts_of (out, EYL_ELEMENT_SOCIAL);

    g_assert_cmpstr (social, ==, "x.com/northwind");
  }
  /* Overprinted text (a shadow, a knock-out copy): the same words twice. */
  {
    const Line lines[] = {
      { "at www.northwind-tea.example", 50, 100, 20, 0 },
      { "www.northwind-tea.example", 86.5, 100.5, 20, 0 },
    };
    g_autoptr(GPtrArray) out = contacts_of_lines (lines, G_N_ELEMENTS (lines));

    g_assert_cmpuint (count_kind (out, EYL_ELEMENT_URL), ==, 1);
  }
}

/* Lines are joined only where an address was cut: a URL above an email
 * are two contacts; a hyphen or a soft hyphen at the line end inside an
 * email or URL joins the two halves. */
static void
test_contact_lines (void)
{
  {
    const Line lines[] = {
      { "http://northwind.github.io/", 240, 100, 20, 0 },
      { "northwindgroup@gmail.com", 228, 124, 20, 0 },
    };
    g_autoptr(GPtrArray) out = contacts_of_lines (lines, G_N_ELEMENTS (lines));
    g_autofree char *urls = texts_of (out, EYL_ELEMENT_URL);
    g_autofree char *emails = texts_of (out, EYL_ELEMENT_EMAIL);

    g_assert_cmpstr (urls, ==, "http://northwind.github.io/");
    g_assert_cmpstr (emails, ==, "northwindgroup@gmail.com");
  }
  {
    const Line lines[] = {
      { "Write to freifunk@hackerspace-", 50, 100, 12, 0 },
      { "bremen.de before you come", 50, 114, 12, 0 },
    };
    g_autoptr(GPtrArray) out = contacts_of_lines (lines, G_N_ELEMENTS (lines));
    g_autofree char *emails = texts_of (out, EYL_ELEMENT_EMAIL);
    EylElement      *email = find_kind (out, EYL_ELEMENT_EMAIL);

    g_assert_cmpstr (emails, ==, "freifunk@hackerspace-bremen.de");
    g_assert_cmpuint (count_kind (out, EYL_ELEMENT_URL), ==, 0);
    /* Both halves: x 50 + 9·7.2 … 50 + 30·7.2 above, 50 … 50 + 9·7.2 below. */
    g_assert_cmpfloat_with_epsilon (email->box.x0, 50, 0.5);
    g_assert_cmpfloat_with_epsilon (email->box.y1, 126, 0.5);
  }
  {
    const Line lines[] = {
      { "Visit www.northwind\xc2\xad", 50, 100, 20, 0 },
      { "tea.example for more", 50, 124, 20, 0 },
    };
    g_autoptr(GPtrArray) out = contacts_of_lines (lines, G_N_ELEMENTS (lines));
    g_autofree char *urls = texts_of (out, EYL_ELEMENT_URL);

    g_assert_cmpstr (urls, ==, "www.northwindtea.example");
  }
  /* A soft hyphen inside a line is a hyphen the reader sees. */
  assert_one ("melde dich bei freifunk@hackerspace\xc2\xad"
              "bremen.de an.",
              EYL_ELEMENT_EMAIL,
              "freifunk@hackerspace-bremen.de");
  assert_no_contact ("unver\xc2\xad"
                     "schl\xc3\xbcsseltes Netz, Frei\xc2\xad"
                     "funk");
}

/* Ligatures, zero-width and unknown glyphs in the text layer. */
static void
test_text_hygiene (void)
{
  assert_one ("www.o\xef\xac\x83"
              "ce-tea.example",
              EYL_ELEMENT_URL, "www.office-tea.example");
  assert_one ("info@\xef\xac\x82"
              "owers.example",
              EYL_ELEMENT_EMAIL, "info@flowers.example");
  assert_one ("www.north\xe2\x80\x8bwind.example", EYL_ELEMENT_URL, "www.northwind.example");
  assert_one ("https://releases.ubuntu.com/\xef\xbf\xbd\xef\xbf\xbd.\xef\xbf\xbd\xef\xbf\xbd",
              EYL_ELEMENT_URL, "https://releases.ubuntu.com/");
  assert_one ("https://northwind.example/tea\xee\x80\x81\xee\x80\x82", EYL_ELEMENT_URL,
              "https://northwind.example/tea");

  /* The box still covers the glyphs: "www.o", the ligature, "ce-tea.example"
   * are glyphs 0 … 20 of the line, 7.2 pt each from x = 50. */
  {
    g_autoptr(GPtrArray) out = contacts_of ("www.o\xef\xac\x83"
                                             "ce-tea.example shop");
    EylElement *url = find_kind (out, EYL_ELEMENT_URL);

    g_assert_cmpfloat_with_epsilon (url->box.x0, 50, 0.5);
    g_assert_cmpfloat_with_epsilon (url->box.x1, 50 + 20 * 7.2, 0.5);
  }
}

static void
test_phone_national (void)
{
  const struct
  {
    const char *line, *phone;
  } yes[] = {
    { "Tel. +49 (0)421 123 45 67", "+49 (0)421 123 45 67" },
    { "Ruf an: 0421 / 123 45 67", "0421 / 123 45 67" },
    { "Call (555) 123-4567 now", "(555) 123-4567" },
    { "+1 555 123 4567", "+1 555 123 4567" },
    { "Fon +49 421 12345-0", "+49 421 12345-0" },
    { "Telefon: 0421-123456", "0421-123456" },
    { "T +44 (0) 20 7946 0958", "+44 (0) 20 7946 0958" },
  };
  const char *no[] = {
    "Since 1998–2024 in Bremen",
    "Only € 12.500 or 1.299,00 €",
    "ISBN 978-3-16-148410-0",
    "4,001 users 127K+ jobs 83+M tools 550+K 2200+ 21K+",
    "Batch 114514 made 2025-05-16",
    "best before 2036-05-15",
    "Open 10:00-18:00, 20.-22. Mai 2024",
    "Page 12 of 345678",
  };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    assert_one (yes[i].line, EYL_ELEMENT_PHONE, yes[i].phone);
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    assert_no_contact (no[i]);
}

static void
test_address_venue (void)
{
  assert_one ("Venue: Congress Center Hamburg, Marseiller Str. 2", EYL_ELEMENT_ADDRESS,
              "Venue: Congress Center Hamburg, Marseiller Str. 2");
  assert_one ("Venue: LUDUS ACADEMIE, Quai du Commerce 48, 1000 Brussels, Belgium",
              EYL_ELEMENT_ADDRESS,
              "Venue: LUDUS ACADEMIE, Quai du Commerce 48, 1000 Brussels, Belgium");
  assert_one ("Ort: Haus der Wissenschaft, Bremen", EYL_ELEMENT_ADDRESS,
              "Ort: Haus der Wissenschaft, Bremen");
  assert_one ("1600 Amphitheatre Parkway, Mountain View, CA 94043", EYL_ELEMENT_ADDRESS,
              "1600 Amphitheatre Parkway, Mountain View, CA 94043");
  assert_one ("350 Fifth Avenue, New York, NY 10118", EYL_ELEMENT_ADDRESS,
              "350 Fifth Avenue, New York, NY 10118");
  assert_no_contact ("Venue: to be announced");
  assert_no_contact ("Location matters to us");
}

/* Boxes are the union of the glyph boxes of the match, also after
 * multi-byte characters (é and · are two bytes each in UTF-8). */
static void
test_boxes (void)
{
  const Line lines[] = {
    { "Café · www.northwind-tea.example", 50, 200, 20, 0x112233 },
  };
  g_autoptr(EylPageData) page = page_new (lines, 1);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  EylElement *url;
  EylRect     glyphs;

  eyl_detect_contacts (page, out);
  url = find_kind (out, EYL_ELEMENT_URL);
  g_assert_nonnull (url);
  /* Characters 7 … 31 of the line, 12 pt each, from x = 50. */
  g_assert_cmpfloat_with_epsilon (url->box.x0, 50 + 7 * 12, 0.5);
  g_assert_cmpfloat_with_epsilon (url->box.x1, 50 + 32 * 12, 0.5);
  g_assert_cmpfloat_with_epsilon (url->box.y0, 200, 0.5);
  g_assert_cmpfloat_with_epsilon (url->box.y1, 220, 0.5);
  glyphs = eyl_page_data_glyph_box (page, 7, 32);
  g_assert_cmpfloat_with_epsilon (url->box.x0, glyphs.x0, 0.5);
  g_assert_cmpfloat_with_epsilon (url->box.x1, glyphs.x1, 0.5);
  g_assert_cmpfloat_with_epsilon (url->font_size, 20, 1e-9);
  g_assert_cmpfloat (url->cap_height, >, 0);
  g_assert_cmpuint (url->color, ==, 0x112233);
}

static void
test_links (void)
{
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 600, 800);
  Line                url_line = { "www.northwind-tea.example", 50, 100, 20, 0 };
  Line                write_line = { "Write to us", 50, 200, 20, 0 };
  EylRect             url_box = { 50, 100, 50 + 25 * 12, 120 };
  EylRect             write_box = { 50, 200, 50 + 11 * 12, 220 };
  EylRect             tel_box = { 300, 300, 400, 320 };
  EylRect             social_box = { 300, 400, 400, 420 };
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  EylElement *email, *phone, *social;

  add_line (builder, &url_line);
  add_line (builder, &write_line);
  eyl_page_data_builder_add_link (builder, &url_box, "https://www.northwind-tea.example/");
  eyl_page_data_builder_add_link (builder, &write_box, "mailto:hello@northwind-tea.example");
  eyl_page_data_builder_add_link (builder, &tel_box, "tel:+442079460958");
  eyl_page_data_builder_add_link (builder, &social_box, "https://twitter.com/northwind");
  eyl_page_data_builder_add_link (builder, &social_box, "file:///etc/passwd");
  page = eyl_page_data_builder_end (builder);

  eyl_detect_contacts (page, out);

  /* The link over the written URL is the same contact: one element. */
  g_assert_cmpuint (count_kind (out, EYL_ELEMENT_URL), ==, 1);
  g_assert_true (find_kind (out, EYL_ELEMENT_URL)->source == EYL_SOURCE_TEXT);

  email = find_kind (out, EYL_ELEMENT_EMAIL);
  g_assert_nonnull (email);
  g_assert_true (email->source == EYL_SOURCE_LINK);
  g_assert_cmpstr (email->text, ==, "hello@northwind-tea.example");
  g_assert_cmpfloat_with_epsilon (email->box.x1, write_box.x1, 0.5);
  g_assert_cmpfloat_with_epsilon (email->font_size, 20, 1e-9);

  phone = find_kind (out, EYL_ELEMENT_PHONE);
  g_assert_nonnull (phone);
  g_assert_true (phone->source == EYL_SOURCE_LINK);
  g_assert_cmpstr (phone->text, ==, "+442079460958");

  social = find_kind (out, EYL_ELEMENT_SOCIAL);
  g_assert_nonnull (social);
  g_assert_true (social->source == EYL_SOURCE_LINK);

  g_assert_cmpuint (out->len, ==, 4);
}

static void
test_brand_inferred (void)
{
  const Line lines[] = {
    { "NORTHWIND TEA", 50, 100, 60, 0 },
    { "Fine teas since 1921", 50, 200, 20, 0 },
    { "www.northwind-tea.example", 50, 600, 24, 0 },
  };
  g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  EylElement *brand;

  eyl_detect_contacts (page, out);
  eyl_detect_brand (page, NULL, out);

  g_assert_cmpuint (count_kind (out, EYL_ELEMENT_BRAND_NAME), ==, 1);
  brand = find_kind (out, EYL_ELEMENT_BRAND_NAME);
  g_assert_cmpstr (brand->text, ==, "NORTHWIND");
  g_assert_true (brand->source == EYL_SOURCE_INFERRED);
  /* The word on the first line, not the name inside the URL. */
  g_assert_cmpfloat_with_epsilon (brand->box.y0, 100, 0.5);
  g_assert_cmpfloat_with_epsilon (brand->box.x1, 50 + 9 * 36, 0.5);
  g_assert_cmpuint (count_kind (out, EYL_ELEMENT_URL), ==, 1);
}

static void
test_brand_kit (void)
{
  const Line lines[] = {
    { "Welcome to Northwind Tea", 50, 100, 30, 0 },
    { "northwind", 50, 200, 20, 0 },
    { "Blends from Northwind, not from Northwindy ones", 50, 300, 10, 0 },
    { "www.northwind-tea.example", 50, 600, 24, 0 },
    { "www.other-shop.example", 50, 700, 24, 0 },
  };
  g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_new ();
  guint n = 0;

  g_strfreev (kit->names);
  kit->names = g_strsplit ("Northwind;Northwind Tea", ";", -1);
  kit->website = g_strdup ("https://www.northwind-tea.example/");

  eyl_detect_contacts (page, out);
  eyl_detect_brand (page, kit, out);

  for (guint i = 0; i < out->len; i++)
    {
      EylElement *e = g_ptr_array_index (out, i);

      if (e->kind == EYL_ELEMENT_BRAND_NAME)
        {
          g_assert_true (e->source == EYL_SOURCE_BRAND_KIT);
          if (n == 0)
            g_assert_cmpstr (e->text, ==, "Northwind Tea");
          else
            g_assert_cmpstr (e->text, ==, "northwind");
          n++;
        }
      else if (e->kind == EYL_ELEMENT_URL && strstr (e->text, "northwind") != NULL)
        g_assert_cmpfloat_with_epsilon (e->confidence, 1.0, 1e-9);
      else if (e->kind == EYL_ELEMENT_URL)
        g_assert_cmpfloat (e->confidence, <, 1.0);
    }
  g_assert_cmpuint (n, ==, 2);
}

static void
test_other_url (void)
{
  const Line lines[] = {
    { "NORTHWIND TEA", 50, 100, 60, 0 },
    { "Fine teas from the hills", 50, 200, 20, 0 },
    { "Blended in small batches", 50, 224, 20, 0 },
    { "Shipped the same day", 50, 248, 20, 0 },
    { "www.northwind-tea.example", 50, 600, 24, 0 },
    { "www.partner-shop.example", 50, 650, 20, 0 },
    { "Photo: www.pictures.example", 50, 700, 20, 0 },
    { "studio-pixel.example", 50, 1300, 7, 0 },
  };
  g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

  eyl_detect_contacts (page, out);
  eyl_detect_brand (page, NULL, out);

  for (guint i = 0; i < out->len; i++)
    {
      EylElement *e = g_ptr_array_index (out, i);

      g_test_message ("%s %s", eyl_element_kind_to_string (e->kind), e->text);
      if (g_str_equal (e->text, "studio-pixel.example") ||
          g_str_equal (e->text, "www.pictures.example"))
        g_assert_cmpint (e->kind, ==, EYL_ELEMENT_OTHER_URL);
      else if (g_str_has_prefix (e->text, "www."))
        g_assert_cmpint (e->kind, ==, EYL_ELEMENT_URL);
    }
  g_assert_cmpuint (count_kind (out, EYL_ELEMENT_OTHER_URL), ==, 2);
  g_assert_cmpuint (count_kind (out, EYL_ELEMENT_URL), ==, 2);
}

/* A credit block as on the back of a brochure: the label two lines above
 * the address, in the same type as the body; the studio's name is no call
 * to action. */
static void
test_credit_block (void)
{
  const Line lines[] = {
    { "Thank you to all our volunteers", 50, 100, 7, 0 },
    { "CONCEPT & DESIGN", 300, 100, 7, 0 },
    { "Get Interactive", 300, 109, 7, 0 },
    { "www.getinteractive.example", 300, 118, 7, 0 },
    { "www.osgeo.org", 300, 800, 14, 0 },
  };
  g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
  g_autoptr(GPtrArray) all = eyl_detect_all (page, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      EylElement *e = g_ptr_array_index (all, i);

      g_test_message ("%s %s", eyl_element_kind_to_string (e->kind), e->text);
      if (g_str_equal (e->text, "www.getinteractive.example"))
        g_assert_cmpint (e->kind, ==, EYL_ELEMENT_OTHER_URL);
      if (g_str_equal (e->text, "www.osgeo.org"))
        g_assert_cmpint (e->kind, ==, EYL_ELEMENT_URL);
    }
  g_assert_cmpuint (count_kind (all, EYL_ELEMENT_OTHER_URL), ==, 1);
  g_assert_cmpuint (count_kind (all, EYL_ELEMENT_CTA), ==, 0);
}

/* The kind and flag of the element saying @text; fails when none does. */
static EylElement *
element_saying (GPtrArray  *elements,
                const char *text)
{
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *e = g_ptr_array_index (elements, i);

      if (g_str_equal (e->text, text))
        return e;
    }
  g_test_message ("no element says “%s”", text);
  g_assert_not_reached ();
  return NULL;
}

static GPtrArray *
detect_brand_of (const EylPageData *page)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

  eyl_detect_contacts (page, out);
  eyl_detect_brand (page, NULL, out);
  for (guint i = 0; i < out->len; i++)
    {
      EylElement *e = g_ptr_array_index (out, i);
      g_test_message ("  %s “%s”%s", eyl_element_kind_to_string (e->kind), e->text,
                      e->third_party ? " (third party)" : "");
    }
  return out;
}

static void
assert_theirs (GPtrArray     *elements,
               const char    *text,
               EylElementKind kind)
{
  EylElement *e = element_saying (elements, text);

  g_assert_cmpint (e->kind, ==, kind);
  g_assert_true (e->third_party);
}

static void
assert_brands (GPtrArray     *elements,
               const char    *text,
               EylElementKind kind)
{
  EylElement *e = element_saying (elements, text);

  g_assert_cmpint (e->kind, ==, kind);
  g_assert_false (e->third_party);
}

/* Sponsors and partners: named by the words next to them, or standing in
 * a strip of logos. */
static void
test_brand_sponsors (void)
{
  {
    const Line lines[] = {
      { "NORTHWIND TEA", 50, 100, 60, 0 },
      { "Fine teas from the hills", 50, 200, 20, 0 },
      { "www.northwind-tea.example", 50, 600, 24, 0 },
      { "Sponsored by", 50, 1200, 12, 0 },
      { "www.acme.example", 50, 1215, 12, 0 },
      { "Supported by Globex, Tel. +49 421 1234567", 50, 1250, 12, 0 },
      { "Partners: @initech", 50, 1280, 12, 0 },
    };
    g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
    g_autoptr(GPtrArray) out = detect_brand_of (page);

    assert_brands (out, "www.northwind-tea.example", EYL_ELEMENT_URL);
    assert_theirs (out, "www.acme.example", EYL_ELEMENT_OTHER_URL);
    assert_theirs (out, "+49 421 1234567", EYL_ELEMENT_PHONE);
    assert_theirs (out, "@initech", EYL_ELEMENT_SOCIAL);
  }
  /* Three logos in a row, a web address under one of them. */
  {
    EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 600, 1400);
    const Line          brand = { "www.northwind-tea.example", 50, 600, 24, 0 };
    const Line          caption = { "www.initech.example", 230, 1165, 10, 0 };
    g_autoptr(EylPageData) page = NULL;
    g_autoptr(GPtrArray) out = NULL;

    add_line (builder, &brand);
    add_line (builder, &caption);
    for (guint i = 0; i < 3; i++)
      eyl_page_data_builder_add_image (builder,
                                       &(EylRect) { 50 + 180 * i, 1100, 170 + 180 * i, 1160 },
                                       240, 120);
    page = eyl_page_data_builder_end (builder);
    out = detect_brand_of (page);

    assert_brands (out, "www.northwind-tea.example", EYL_ELEMENT_URL);
    assert_theirs (out, "www.initech.example", EYL_ELEMENT_OTHER_URL);
  }
  /* Only a sponsor's contact on the page: kept, so that no-contact does
   * not blame the page for it; a designer's credit alone is no contact. */
  {
    const Line lines[] = {
      { "Sponsored by", 50, 1200, 12, 0 },
      { "www.acme.example", 50, 1215, 12, 0 },
    };
    g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
    g_autoptr(GPtrArray) out = detect_brand_of (page);

    assert_brands (out, "www.acme.example", EYL_ELEMENT_URL);
  }
  {
    const Line lines[] = {
      { "Fine teas from the hills", 50, 200, 20, 0 },
      { "Design: www.studio.example", 50, 1215, 12, 0 },
    };
    g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
    g_autoptr(GPtrArray) out = detect_brand_of (page);

    assert_theirs (out, "www.studio.example", EYL_ELEMENT_OTHER_URL);
  }
  /* A design studio's own flyer: "design" next to its address, in body
   * type, and no other address on the page. */
  {
    const Line lines[] = {
      { "Studio Nord", 50, 100, 60, 0 },
      { "Design and print for small brands", 50, 200, 20, 0 },
      { "www.studionord.example", 50, 224, 20, 0 },
    };
    g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
    g_autoptr(GPtrArray) out = detect_brand_of (page);

    assert_brands (out, "www.studionord.example", EYL_ELEMENT_URL);
  }
}

/* People: a guest speaker's site, a speaker's email, an author's
 * affiliation footnote. */
static void
test_brand_people (void)
{
  {
    const Line lines[] = {
      { "Join the Northwind User Group", 50, 100, 30, 0 },
      { "Guest speaker: Jess Doe", 300, 200, 14, 0 },
      { "http://www.jessdoe.example/", 300, 220, 14, 0 },
      { "Speakers:", 300, 300, 14, 0 },
      { "Jane Roe, jane.roe@uni-x.example", 300, 320, 14, 0 },
      { "http://northwind.github.io/", 200, 800, 14, 0 },
      { "northwindgroup@gmail.com", 190, 820, 14, 0 },
    };
    g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
    g_autoptr(GPtrArray) out = detect_brand_of (page);

    assert_theirs (out, "http://www.jessdoe.example/", EYL_ELEMENT_OTHER_URL);
    assert_theirs (out, "jane.roe@uni-x.example", EYL_ELEMENT_OTHER_URL);
    assert_brands (out, "http://northwind.github.io/", EYL_ELEMENT_URL);
    assert_brands (out, "northwindgroup@gmail.com", EYL_ELEMENT_EMAIL);
  }
  {
    const Line lines[] = {
      { "Homepage", 300, 1000, 20, 0 },
      { "rdmorganiser.github.io", 300, 1024, 20, 0 },
      { "Source code", 300, 1060, 20, 0 },
      { "github.com/rdmorganiser", 300, 1084, 20, 0 },
      { "1 Leibniz Institute for Astrophysics", 20, 1240, 20, 0 },
      { "2 University of Applied Sciences", 20, 1264, 20, 0 },
      { "3 janedoe.example", 20, 1288, 20, 0 },
    };
    g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
    g_autoptr(GPtrArray) out = detect_brand_of (page);

    assert_theirs (out, "janedoe.example", EYL_ELEMENT_OTHER_URL);
    assert_brands (out, "rdmorganiser.github.io", EYL_ELEMENT_URL);
    assert_brands (out, "github.com/rdmorganiser", EYL_ELEMENT_SOCIAL);
  }
  /* A design's source on a box, in Chinese: "modified from …". */
  {
    const Line lines[] = {
      { "网站主页：https://manjaro.example", 50, 1000, 12, 0 },
      { "修改自 https://github.com/someone/media-box", 50, 1300, 12, 0 },
    };
    g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
    g_autoptr(GPtrArray) out = detect_brand_of (page);

    assert_brands (out, "https://manjaro.example", EYL_ELEMENT_URL);
    assert_theirs (out, "https://github.com/someone/media-box", EYL_ELEMENT_OTHER_URL);
  }
}

/* The brand's domain: the one written as the brand's name, repeated, or
 * where a call to action points — not merely the one in the largest type. */
static void
test_brand_domain (void)
{
  {
    const Line lines[] = {
      { "NORTHWIND", 50, 100, 60, 0 },
      { "Tickets at www.ticketshop.example", 50, 300, 30, 0 },
      { "www.northwind.example", 50, 600, 20, 0 },
    };
    g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
    g_autoptr(GPtrArray) out = detect_brand_of (page);

    g_assert_nonnull (find_kind (out, EYL_ELEMENT_BRAND_NAME));
    g_assert_cmpstr (find_kind (out, EYL_ELEMENT_BRAND_NAME)->text, ==, "NORTHWIND");
  }
  {
    const Line lines[] = {
      { "Northwind blends tea by hand and with care", 50, 100, 12, 0 },
      { "www.bigprint.example", 50, 300, 30, 0 },
      { "Learn more at www.northwind.example", 50, 600, 20, 0 },
    };
    g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
    g_autoptr(GPtrArray) out = detect_brand_of (page);

    g_assert_nonnull (find_kind (out, EYL_ELEMENT_BRAND_NAME));
    g_assert_cmpstr (find_kind (out, EYL_ELEMENT_BRAND_NAME)->text, ==, "Northwind");
  }
  {
    const Line lines[] = {
      { "Northwind blends tea by hand and with care", 50, 100, 12, 0 },
      { "www.bigprint.example", 50, 300, 20, 0 },
      { "www.northwind.example", 50, 600, 14, 0 },
      { "www.northwind.example", 50, 900, 14, 0 },
      { "www.northwind.example", 50, 1200, 14, 0 },
    };
    g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
    g_autoptr(GPtrArray) out = detect_brand_of (page);

    g_assert_nonnull (find_kind (out, EYL_ELEMENT_BRAND_NAME));
    g_assert_cmpstr (find_kind (out, EYL_ELEMENT_BRAND_NAME)->text, ==, "Northwind");
  }
}

static void
test_headline (void)
{
  const Line lines[] = {
    { "Fresh from the hills", 50, 60, 30, 0 },
    { "Taste the", 50, 120, 72, 0xaa0000 },
    { "difference", 50, 196, 72, 0xaa0000 },
    { "Our blends are made by hand.", 50, 300, 14, 0 },
    { "www.northwind-tea.example", 20, 1000, 40, 0 },
    { "127,000+", 20, 1100, 120, 0 },
  };
  g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  EylElement *headline;

  eyl_detect_headline (page, out);
  g_assert_cmpuint (count_kind (out, EYL_ELEMENT_HEADLINE), ==, 1);
  headline = find_kind (out, EYL_ELEMENT_HEADLINE);
  g_assert_cmpstr (headline->text, ==, "Taste the difference");
  g_assert_cmpfloat_with_epsilon (headline->box.y0, 120, 0.5);
  g_assert_cmpfloat_with_epsilon (headline->box.y1, 268, 0.5);
  g_assert_cmpuint (headline->color, ==, 0xaa0000);
}

/* Measured cap height wins over nominal size, and a huge URL is a
 * contact, never the headline. */
static void
test_headline_measured (void)
{
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 600, 1400);
  const Line          a = { "ALL CAPS CLAIM", 50, 100, 60, 0 };
  const Line          b = { "Lower Case Claim", 50, 300, 50, 0 };
  const Line          c = { "www.northwind-tea.example", 10, 600, 90, 0 };
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

  add_line (builder, &a);
  add_line (builder, &b);
  add_line (builder, &c);
  /* Line 1 was measured bigger than line 0's estimate of 0.7 · 60 = 42. */
  eyl_page_data_builder_set_line_metrics (builder, 1, 45, 30);
  page = eyl_page_data_builder_end (builder);

  eyl_detect_headline (page, out);
  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpstr (find_kind (out, EYL_ELEMENT_HEADLINE)->text, ==, "Lower Case Claim");
  g_assert_cmpfloat_with_epsilon (find_kind (out, EYL_ELEMENT_HEADLINE)->cap_height, 45, 1e-9);
}

/* The headline of @lines, or NULL. */
static char *
headline_of (const Line *lines,
             guint       n_lines)
{
  g_autoptr(EylPageData) page = page_new (lines, n_lines);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  EylElement *headline;

  eyl_detect_headline (page, out);
  headline = find_kind (out, EYL_ELEMENT_HEADLINE);
  g_test_message ("headline: %s", headline != NULL ? headline->text : "(none)");
  return headline != NULL ? g_strdup (headline->text) : NULL;
}

/* A leaflet's section headings, set in one size and colour, are not its
 * headline, though bigger than the rest: the tagline is. */
static void
test_headline_sections (void)
{
  const Line lines[] = {
    { "The open server for your maps", 50, 60, 16, 0 },
    { "What is it?", 50, 120, 20, 0x4ab969 },
    { "It publishes your data for the world to see.", 50, 150, 11, 0 },
    { "Easy to install", 50, 220, 20, 0x4ab969 },
    { "Installers for every system and a web archive.", 50, 250, 11, 0 },
    { "Beautiful maps", 50, 320, 20, 0x4ab969 },
    { "Styles in the standard language of maps.", 50, 350, 11, 0 },
    { "Share features", 50, 420, 20, 0x4ab969 },
    { "Feature services for every client.", 50, 450, 11, 0 },
  };
  g_autofree char *headline = headline_of (lines, G_N_ELEMENTS (lines));

  g_assert_cmpstr (headline, ==, "The open server for your maps");
}

/* One heading of the tier measured taller than its siblings (a "?" or a
 * "Q" reaches higher than the capitals) is still one of them: set in the
 * same size and colour. */
static void
test_headline_sections_measured (void)
{
  const Line lines[] = {
    { "The open server for your maps", 50, 60, 16, 0 },
    { "What is it?", 50, 120, 20, 0x4ab969 },
    { "It publishes your data for the world to see.", 50, 150, 11, 0 },
    { "Easy to install", 50, 220, 20, 0x4ab969 },
    { "Installers for every system and a web archive.", 50, 250, 11, 0 },
    { "Beautiful maps", 50, 320, 20, 0x4ab969 },
    { "Styles in the standard language of maps.", 50, 350, 11, 0 },
  };
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 600, 1400);
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    add_line (builder, &lines[i]);
  /* 0.7 · 20 = 14 estimated; "What is it?" measures 13 % more. */
  eyl_page_data_builder_set_line_metrics (builder, 1, 0.7 * 20 * 1.13, 30);
  page = eyl_page_data_builder_end (builder);
  eyl_detect_headline (page, out);
  g_assert_nonnull (find_kind (out, EYL_ELEMENT_HEADLINE));
  g_assert_cmpstr (find_kind (out, EYL_ELEMENT_HEADLINE)->text, ==, "The open server for your maps");
}

/* A statistics panel (big figures, small words), a credits paragraph
 * and labels no bigger than the text are no headline. */
static void
test_headline_not (void)
{
  const Line stats[] = {
    { "Workflow runs in the last year across every server we run.", 50, 200, 12, 0 },
    { "Numbers are updated every month from the public statistics.", 50, 220, 12, 0 },
  };
  const Line credits[] = {
    { "We thank everyone who made this possible.", 50, 60, 12, 0 },
    { "Thanks to our sponsors Acme, Globex and Initech for their support.", 50, 400, 16, 0 },
    { "Printed on recycled paper.", 50, 500, 12, 0 },
  };
  /* (In two inks: not one tier of section headings either.) */
  const Line labels[] = {
    { "PIEZO BUZZER", 50, 60, 10, 0 },
    { "SERVO MOTOR", 250, 60, 10, 0x444444 },
    { "TOUCH SENSOR", 50, 300, 10, 0x444444 },
    { "ITSYBITSY + EXPANDER BOARD", 250, 300, 10, 0 },
    { "Cables and accessories for every board", 50, 600, 9.5, 0x888888 },
  };
  g_autofree char *a = NULL;
  g_autofree char *b = headline_of (credits, G_N_ELEMENTS (credits));
  g_autofree char *c = headline_of (labels, G_N_ELEMENTS (labels));

  /* The figure big, its label small, on one line. */
  {
    EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 600, 1400);
    EylRect             figure = { 50, 60, 50 + 5 * EM * 60, 120 };
    EylRect             label = { figure.x1, 100, figure.x1 + 11 * EM * 14, 114 };
    g_autoptr(EylPageData) page = NULL;
    g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

    eyl_page_data_builder_add_text (builder, "550+K", &figure, NULL, "Sans", 60, 0);
    eyl_page_data_builder_add_text (builder, " executions", &label, NULL, "Sans", 14, 0);
    eyl_page_data_builder_add_text (builder, "\n", &label, NULL, "Sans", 14, 0);
    for (guint i = 0; i < G_N_ELEMENTS (stats); i++)
      add_line (builder, &stats[i]);
    page = eyl_page_data_builder_end (builder);
    eyl_detect_headline (page, out);
    if (find_kind (out, EYL_ELEMENT_HEADLINE) != NULL)
      a = g_strdup (find_kind (out, EYL_ELEMENT_HEADLINE)->text);
    g_test_message ("headline: %s", a != NULL ? a : "(none)");
  }
  g_assert_true (a == NULL || strstr (a, "550") == NULL);
  g_assert_null (b != NULL && strstr (b, "sponsors") != NULL ? b : NULL);
  g_assert_null (c);
}

/* What OCR reads in a photo or an emblem ("de Ma", "oL ab") and figures
 * are no words; short real headlines are. */
static void
test_reads_as_words (void)
{
  const char *words[] = { "Odin", "GODOT CON", "Mach mit!", "deRSE19 conference", "Arch Linux™" };
  const char *not_words[] = { "de Ma", "oL ab", "NUT", "127,000+", "May E/funk- NS", "" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_assert_true (eyl_detect_reads_as_words (words[i]));
  for (guint i = 0; i < G_N_ELEMENTS (not_words); i++)
    g_assert_false (eyl_detect_reads_as_words (not_words[i]));
}

/* The list files' syntax: comments, blank lines, "…" before and after,
 * " !" after; and the lists compiled in. */
static void
test_phrases (void)
{
  const char *data = "# calls\n\nvisit\n  sign   up  # spaces\ndiscover …\n… details at …\n"
                     "... more at ...\nmitmachen !\n";
  g_autoptr(GArray) phrases = g_array_new (FALSE, FALSE, sizeof (EylPhrase));
  const struct
  {
    const char    *text;
    EylPhraseFlags flags;
  } expected[] = {
    { "visit", 0 },
    { "sign up", 0 },
    { "discover", EYL_PHRASE_NEEDS_MORE },
    { "details at", EYL_PHRASE_ANYWHERE | EYL_PHRASE_NEEDS_MORE },
    { "more at", EYL_PHRASE_ANYWHERE | EYL_PHRASE_NEEDS_MORE },
    { "mitmachen", EYL_PHRASE_ALONE },
  };

  eyl_phrases_parse (data, strlen (data), phrases);
  g_assert_cmpuint (phrases->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < phrases->len; i++)
    {
      EylPhrase *p = &g_array_index (phrases, EylPhrase, i);

      g_assert_cmpstr (p->text, ==, expected[i].text);
      g_assert_cmpint (p->flags, ==, expected[i].flags);
      g_free ((char *) p->text);
    }

  g_assert_cmpuint (eyl_phrases_get ("cta")->len, >, 50);
  g_assert_cmpuint (eyl_phrases_get ("sponsors")->len, >, 10);
  g_assert_cmpuint (eyl_phrases_get ("no-such-list")->len, ==, 0);
  /* One language's file alone: German's function words hold "und", not
   * English's "the"; no file for a language, no words. */
  {
    const GArray *de = eyl_phrases_get_language ("function-words", "de");
    gboolean      und = FALSE, the = FALSE;

    for (guint i = 0; i < de->len; i++)
      {
        und |= g_str_equal (g_array_index (de, EylPhrase, i).text, "und");
        the |= g_str_equal (g_array_index (de, EylPhrase, i).text, "the");
      }
    g_assert_true (und);
    g_assert_false (the);
    g_assert_cmpuint (eyl_phrases_get_language ("function-words", "xx")->len, ==, 0);
  }
  g_assert_true (g_regex_match (eyl_phrases_regex ("sponsors"), "Gefördert durch:", 0, NULL));
  g_assert_false (g_regex_match (eyl_phrases_regex ("sponsors"), "Our partnership", 0, NULL));
}

static void
test_cta (void)
{
  const struct
  {
    const char *line, *cta;
  } yes[] = {
    { "Visit us at stand 42", "Visit us at stand 42" },
    { "Call now: 0800 123 4567", "Call now: 0800 123 4567" },
    { "Scan the code", "Scan the code" },
    { "Sign up today!", "Sign up today!" },
    { "Contact us", "Contact us" },
    { "Learn more at www.northwind.example.", "Learn more at www.northwind.example" },
    { "Great tea. Order online. Fast.", "Order online" },
    { "Jetzt bestellen", "Jetzt bestellen" },
    { "Besuchen Sie uns in Halle 3", "Besuchen Sie uns in Halle 3" },
    { "• Get involved", "Get involved" },
    { "To find a group please visit our website", "visit our website" },
    /* In the middle of a sentence, after a comma or as a pointer. */
    { "Free entry, visit godot.example for the programme",
      "Free entry, visit godot.example for the programme" }, /* an offer opens it */
    { "Entry is by ticket, visit godot.example for the programme", "visit godot.example for the programme" },
    { "Full schedule and registration on conf.example", "Full schedule and registration on conf.example" },
    { "Become a member", "Become a member" },
    { "Join us", "Join us" },
    /* German, from data/cta/de.txt. */
    { "Mitmachen - Austauschen", "Mitmachen - Austauschen" },
    { "nicht zögern, informiere Dich jetzt:", "informiere Dich jetzt:" },
    { "Mach mit!", "Mach mit!" },
    { "Wie kann ich mitmachen?", "Wie kann ich mitmachen?" },
  };
  const char *no[] = {
    "Our visitors love it",
    "We called it tea",
    "Target audience",
    "Booking.com partner",
    "Try-outs were fun",
    "shop.example",
    /* Benefit labels: the verb alone over a paragraph, no instruction. */
    "Discover",
    "Explore",
    /* A German infinitive as a noun. */
    "Mitmachen ist einfach und kostenlos",
  };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      Line line = { yes[i].line, 50, 100, 20, 0 };
      g_autoptr(EylPageData) page = page_new (&line, 1);
      g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

      g_test_message ("cta in %s", yes[i].line);
      eyl_detect_cta (page, out);
      g_assert_cmpuint (out->len, ==, 1);
      g_assert_cmpint (((EylElement *) out->pdata[0])->kind, ==, EYL_ELEMENT_CTA);
      g_assert_cmpstr (((EylElement *) out->pdata[0])->text, ==, yes[i].cta);
    }

  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    {
      Line line = { no[i], 50, 100, 20, 0 };
      g_autoptr(EylPageData) page = page_new (&line, 1);
      g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

      g_test_message ("no cta in %s", no[i]);
      eyl_detect_cta (page, out);
      g_assert_cmpuint (out->len, ==, 0);
    }

  /* A sentence that runs on over the lines of one paragraph. */
  {
    const Line lines[] = {
      { "Scan to", 50, 100, 20, 0 },
      { "visit the", 50, 118, 20, 0 },
      { "online", 50, 136, 20, 0 },
      { "Dashboard!", 50, 154, 20, 0 },
      { "Other news", 50, 400, 20, 0 },
    };
    g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
    g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
    EylElement *cta;

    eyl_detect_cta (page, out);
    g_assert_cmpuint (out->len, ==, 1);
    cta = out->pdata[0];
    g_assert_cmpstr (cta->text, ==, "Scan to visit the online Dashboard!");
    g_assert_cmpfloat_with_epsilon (cta->box.y0, 100, 0.5);
    g_assert_cmpfloat_with_epsilon (cta->box.y1, 174, 0.5);
    g_assert_cmpfloat_with_epsilon (cta->box.x1, 50 + 10 * 12, 0.5);
  }

  /* Benefit labels side by side in one text line, columns apart:
   * "Discover" has no object there. */
  {
    EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 600, 1400);
    const char         *labels[] = { "Discover", "Decode", "Cure" };
    g_autoptr(EylPageData) page = NULL;
    g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        EylRect box = { 20 + 190 * i, 500, 20 + 190 * i + EM * 20 * strlen (labels[i]), 520 };
        EylRect space = { box.x1, 500, box.x1 + EM * 20, 520 };

        eyl_page_data_builder_add_text (builder, labels[i], &box, NULL, "Sans", 20, 0);
        if (i + 1 < G_N_ELEMENTS (labels))
          eyl_page_data_builder_add_text (builder, " ", &space, NULL, "Sans", 20, 0);
      }
    page = eyl_page_data_builder_end (builder);
    g_assert_cmpuint (page->lines->len, ==, 1);
    eyl_detect_cta (page, out);
    g_assert_cmpuint (out->len, ==, 0);
  }

  /* An instruction by its form: a display line that opens with a verb
   * and "your", whatever the verb; the same words in the copy are a
   * feature, and "For your …" is no instruction. */
  {
    const Line lines[] = {
      { "Our server publishes maps for the whole world.", 50, 100, 11, 0 },
      { "Share your raster data with every client there is.", 50, 114, 11, 0 },
      { "Styles in the standard language of maps and more.", 50, 300, 11, 0 },
      { "Installers for every system and a web archive.", 50, 400, 11, 0 },
      { "Feature services for every client you can name.", 50, 500, 11, 0 },
      { "Free your data, free yourself, use our server.", 50, 700, 16, 0 },
      { "For your team and for your clients", 50, 800, 16, 0 },
      { "Befreie deine Daten", 50, 900, 16, 0 },
    };
    g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
    g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

    eyl_detect_cta (page, out);
    g_assert_cmpuint (out->len, ==, 2);
    g_assert_cmpstr (((EylElement *) out->pdata[0])->text, ==,
                     "Free your data, free yourself, use our server");
    g_assert_cmpstr (((EylElement *) out->pdata[1])->text, ==, "Befreie deine Daten");
  }

  /* A lower-case "get" that only continues the previous line. */
  {
    const Line wrapped[] = {
      { "We help you", 50, 100, 20, 0 },
      { "get more from your tea", 50, 122, 20, 0 },
    };
    g_autoptr(EylPageData) page = page_new (wrapped, G_N_ELEMENTS (wrapped));
    g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

    eyl_detect_cta (page, out);
    g_assert_cmpuint (out->len, ==, 0);
  }
}

/* A headline that is a call to action is that call: one element. */
static void
test_headline_is_call (void)
{
  const Line lines[] = {
    { "Scan to visit the online Dashboard!", 50, 100, 30, 0 },
    { "Workflow runs in the last year across every server.", 50, 300, 11, 0 },
    { "Numbers are updated every month from the statistics.", 50, 316, 11, 0 },
  };
  g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

  eyl_detect_headline (page, out);
  eyl_detect_cta (page, out);
  g_assert_nonnull (find_kind (out, EYL_ELEMENT_HEADLINE));
  g_assert_nonnull (find_kind (out, EYL_ELEMENT_CTA));
  eyl_detect_drop_headlines_that_are_calls (out);
  g_assert_null (find_kind (out, EYL_ELEMENT_HEADLINE));
  g_assert_cmpstr (find_kind (out, EYL_ELEMENT_CTA)->text, ==, "Scan to visit the online Dashboard!");
}

static void
test_all (void)
{
  const Line lines[] = {
    { "NORTHWIND TEA", 50, 100, 60, 0 },
    { "Taste the difference", 50, 250, 80, 0 },
    { "Visit www.northwind-tea.example", 50, 900, 24, 0 },
    { "Tel. +44 20 7946 0958", 50, 950, 24, 0 },
    { "hello@northwind-tea.example", 350, 30, 12, 0 },
  };
  g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
  g_autoptr(GPtrArray) all = eyl_detect_all (page, NULL);
  const EylElementKind expected[] = {
    EYL_ELEMENT_EMAIL,
    EYL_ELEMENT_BRAND_NAME,
    EYL_ELEMENT_HEADLINE,
    EYL_ELEMENT_CTA,
    EYL_ELEMENT_URL,
    EYL_ELEMENT_PHONE,
  };

  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < all->len; i++)
    {
      EylElement      *e = g_ptr_array_index (all, i);
      g_autofree char *id = g_strdup_printf ("p0e%u", i);

      g_test_message ("%s %s %s", e->id, eyl_element_kind_to_string (e->kind), e->text);
      g_assert_cmpstr (e->id, ==, id);
      g_assert_cmpint (e->kind, ==, expected[i]);
      if (i > 0)
        g_assert_cmpfloat (((EylElement *) all->pdata[i - 1])->box.y0, <=, e->box.y0);
    }
}

/* Body copy: neighbouring lines in one size make one block; a caption or
 * a contact line is no copy; another size starts another block. */
static void
test_body (void)
{
  const Line lines[] = {
    { "Fresh tea from our own gardens,", 50, 100, 10, 0 },
    { "picked by hand and shipped within", 50, 112, 10, 0 },
    { "a week of the harvest to your door.", 50, 124, 10, 0 },
    { "Visit www.northwind.example", 50, 300, 10, 0 },
    { "Photo", 50, 400, 8, 0 },
    { "A second block of copy in larger type,", 50, 500, 16, 0 },
    { "as the back of a leaflet often has it.", 50, 519, 16, 0 },
  };
  g_autoptr(EylPageData) page = page_new (lines, G_N_ELEMENTS (lines));
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  EylElement *first = NULL;

  eyl_detect_contacts (page, out);
  eyl_detect_body (page, out);
  g_assert_cmpuint (count_kind (out, EYL_ELEMENT_BODY), ==, 2);
  first = find_kind (out, EYL_ELEMENT_BODY);
  g_assert_true (g_str_has_prefix (first->text, "Fresh tea from our own gardens, picked"));
  g_assert_cmpfloat_with_epsilon (first->box.y0, 100, 0.5);
  g_assert_cmpfloat_with_epsilon (first->box.y1, 134, 0.5);
  g_assert_cmpfloat_with_epsilon (first->font_size, 10, 1e-9);
  g_assert_cmpfloat (first->cap_height, >, 0);
}

/* A name written out in the words it stands for, or as itself. */
static void
test_spells_name (void)
{
  const struct
  {
    const char *text, *name;
    gboolean    spelled;
  } cases[] = {
    { "Open Source Geospatial Foundation", "OSGeo", TRUE },
    { "Welcome to the OSGeo community", "OSGeo", TRUE },
    { "Northwind Tea Company", "Northwind", TRUE },
    { "Northwind Tea Company", "NWT", FALSE },                 /* one letter a word: too easy */
    { "open source geospatial foundation", "OSGeo", FALSE },   /* not names */
    { "Our Services Generate Opportunities", "OSGeo", FALSE }, /* four words for five letters */
    { "OSGeoLive", "OSGeo", FALSE },                           /* one word: not the name as a word */
    { "Free Software Foundation Europe", "FSFE", FALSE },
    { "Geo Spatial", "GS", FALSE }, /* too short to tell */
    { "Research Data Management Organiser", "RDMO", FALSE },
    { "Deutsche Gesellschaft für Research Software Engineering", "deRSE", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s / %s", cases[i].text, cases[i].name);
      g_assert_cmpint (eyl_detect_text_spells_name (cases[i].text, cases[i].name), ==,
                       cases[i].spelled);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/detect/phone/formats", test_phone_formats);
  g_test_add_func ("/eyl/detect/phone/negatives", test_phone_negatives);
  g_test_add_func ("/eyl/detect/phone/prefix", test_phone_prefix);
  g_test_add_func ("/eyl/detect/email", test_email);
  g_test_add_func ("/eyl/detect/url", test_url);
  g_test_add_func ("/eyl/detect/url/domain-of", test_domain_of);
  g_test_add_func ("/eyl/detect/url/split", test_url_split);
  g_test_add_func ("/eyl/detect/social", test_social);
  g_test_add_func ("/eyl/detect/address", test_address);
  g_test_add_func ("/eyl/detect/boxes", test_boxes);
  g_test_add_func ("/eyl/detect/not/code", test_not_code);
  g_test_add_func ("/eyl/detect/not/placeholder", test_not_placeholder);
  g_test_add_func ("/eyl/detect/not/other", test_not_contacts);
  g_test_add_func ("/eyl/detect/once", test_contact_once);
  g_test_add_func ("/eyl/detect/once/lines", test_contact_lines);
  g_test_add_func ("/eyl/detect/hygiene", test_text_hygiene);
  g_test_add_func ("/eyl/detect/phone/national", test_phone_national);
  g_test_add_func ("/eyl/detect/address/venue", test_address_venue);
  g_test_add_func ("/eyl/detect/links", test_links);
  g_test_add_func ("/eyl/detect/brand/inferred", test_brand_inferred);
  g_test_add_func ("/eyl/detect/brand/kit", test_brand_kit);
  g_test_add_func ("/eyl/detect/brand/other-url", test_other_url);
  g_test_add_func ("/eyl/detect/brand/credit-block", test_credit_block);
  g_test_add_func ("/eyl/detect/brand/sponsors", test_brand_sponsors);
  g_test_add_func ("/eyl/detect/brand/people", test_brand_people);
  g_test_add_func ("/eyl/detect/brand/domain", test_brand_domain);
  g_test_add_func ("/eyl/detect/headline", test_headline);
  g_test_add_func ("/eyl/detect/headline/measured", test_headline_measured);
  g_test_add_func ("/eyl/detect/headline/sections", test_headline_sections);
  g_test_add_func ("/eyl/detect/headline/sections-measured", test_headline_sections_measured);
  g_test_add_func ("/eyl/detect/headline/not", test_headline_not);
  g_test_add_func ("/eyl/detect/headline/words", test_reads_as_words);
  g_test_add_func ("/eyl/detect/cta", test_cta);
  g_test_add_func ("/eyl/detect/body", test_body);
  g_test_add_func ("/eyl/detect/phrases", test_phrases);
  g_test_add_func ("/eyl/detect/all", test_all);
  g_test_add_func ("/eyl/detect/headline-is-call", test_headline_is_call);
  g_test_add_func ("/eyl/detect/spells-name", test_spells_name);

  return g_test_run ();
}

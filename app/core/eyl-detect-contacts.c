/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-detect"

#include <string.h>
#include <libpsl.h>

#include "eyl-detect-private.h"

/* Contact details on the text layer: web addresses, emails, phones, social
 * handles and profile URLs, postal addresses; then the page's link
 * annotations.  Each pattern finds candidates; small functions then decide,
 * because a regular expression alone cannot tell a phone number from a
 * date or a price. */

/* Top-level domains come from the Public Suffix List (libpsl, Debian's
 * publicsuffix data): any TLD in it — ".rocks", ".events", ".berlin" — makes
 * a bare "name.tld" a domain, so "3.5", "v2.0" and "logo.pdf" are not.  The
 * reserved names of RFC 2606 (.example, .test) are accepted too, for
 * samples and tests.  A few TLDs are also everyday file extensions; a bare
 * "setup.py" or "notes.md" in copy is a file name, so those need "www." or
 * a scheme to count. */
static const char *const reserved_tlds[] = { "example", "test" };
static const char *const file_extension_tlds[] = {
  "py",
  "md",
  "sh",
  "rs",
  "zip",
  "mov",
  "so",
  "ps",
  "cpp",
  "tar",
};

/* Hosts whose pages are profiles on a social network. */
static const char *const social_domains[] = {
  "twitter.com",
  "x.com",
  "facebook.com",
  "fb.com",
  "fb.me",
  "instagram.com",
  "linkedin.com",
  "youtube.com",
  "youtu.be",
  "tiktok.com",
  "github.com",
  "gitlab.com",
  "pinterest.com",
  "threads.net",
  "bsky.app",
  "mastodon.social",
  "fosstodon.org",
  "flickr.com",
  "vimeo.com",
  "xing.com",
  "t.me",
  "wa.me",
  "discord.gg",
  "reddit.com",
  "twitch.tv",
  "snapchat.com",
  "whatsapp.com",
  "medium.com",
};

typedef struct
{
  GRegex *email;
  GRegex *url;    /* http(s):// … and www.… */
  GRegex *domain; /* bare domains with a known TLD */
  GRegex *handle; /* @user, @user@instance */
  GRegex *hashtag;
  GRegex *social_word; /* Twitter, Mastodon, … before a #hashtag */
  GRegex *phone_start;
  GRegex *phone_prefix; /* "Tel.", "Phone:", "Call us on", ☎ */
  GRegex *date;
  GRegex *year_range;
  GRegex *us_phone;
  GRegex *isbn;
  GRegex *postcode;
  GRegex *street;
  GRegex *street_number; /* a street and its house number, without postcode */
  GRegex *venue;         /* "Venue: …, …", "Ort: …" */
  GRegex *number_label;  /* IBAN, VAT number, order number: digits, but no phone */
  GRegex *code;          /* JSON, markup, a shell prompt */
  GRegex *code_sign;     /* what shows a line in a monospace face is code */
  GRegex *mono_font;
  GRegex *wifi; /* words that name a Wi-Fi network just before it */
} Patterns;

static GRegex *
compile (const char        *pattern,
         GRegexCompileFlags flags)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex;

  regex = g_regex_new (pattern, flags | G_REGEX_OPTIMIZE, 0, &error);
  if (regex == NULL)
    g_error ("bad pattern %s: %s", pattern, error->message);
  return regex;
}

static const Patterns *
patterns_get (void)
{
  static Patterns p;
  static gsize    done = 0;

  if (g_once_init_enter (&done))
    {
      const GRegexCompileFlags ci = G_REGEX_CASELESS;

      p.email = compile ("(?<![\\w.%+\\-@])[a-z0-9._%+\\-]*[a-z0-9_%+\\-]@"
                         "[a-z0-9](?:[a-z0-9\\-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9\\-]*[a-z0-9])?)*"
                         "\\.[a-z]{2,24}(?![a-z0-9\\-])",
                         ci);
      p.url = compile ("(?<![\\w@/.\\-])(?:https?://|www\\.)[^\\s<>\"'`{}|\\\\^«»“”‘’]+", ci);
      p.domain = compile ("(?<![\\w@/.\\-:~\\\\])(?:[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?\\.)+"
                          "[a-z]{2,24}(?![\\w\\-@]|\\.\\w)"
                          "(?:/[^\\s<>\"'`{}|\\\\^«»“”‘’]*)?",
                          ci);
      p.handle = compile ("(?<![\\w@.])@[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?"
                          "(?:@[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)*\\.[a-z]{2,24})?(?![\\w@])",
                          ci);
      p.hashtag = compile ("(?<![\\w#&])#[\\p{L}_][\\p{L}\\p{N}_]{1,60}", 0);
      p.social_word = compile ("\\b(?:twitter|mastodon|instagram|facebook|tiktok|linkedin|"
                               "threads|bluesky|youtube|x|follow|hashtag|irc|matrix|discord|telegram)\\b",
                               ci);
      p.phone_start = compile ("(?<![\\w+.,/\\-()])(?:\\+\\d|\\(\\+?\\d|\\d)", 0);
      p.phone_prefix = compile ("(?:\\b(?:tel(?:\\.?\\s?-?\\s?nr)?|tél|telefon|telephone|téléphone|phone|ph|fon|"
                                "mobile|mob|cell|hotline|fax|whatsapp|t|p|m|f|"
                                "call(?:\\s+us)?(?:\\s+(?:on|at|now|today|free))?|"
                                "ring(?:\\s+us)?(?:\\s+on)?|rufen\\s+sie(?:\\s+uns)?(?:\\s+an)?"
                                ")\\.?|[☎✆📞])[\\s:.\\-–]*$",
                                ci);
      p.date = compile ("^(?:\\d{1,2}([./\\-])\\d{1,2}\\1(?:\\d{4}|\\d{2})"
                        "|\\d{4}([./\\-])\\d{1,2}\\2\\d{1,2})$",
                        0);
      p.year_range = compile ("^(?:1[89]|20)\\d\\d\\s?[\\-/]\\s?(?:1[89]|20)\\d\\d$", 0);
      p.us_phone = compile ("^(?:1[ .\\-])?\\(?\\d{3}\\)?[ .\\-]?\\d{3}[ .\\-]\\d{4}$", 0);
      p.isbn = compile ("\\bisbn(?:-1[03])?\\b", ci);
      p.postcode = compile (
          /* UK: "SW1A 1AA", "SE1 9XX" */
          "\\b(?:[A-Z]{1,2}\\d[A-Z\\d]?|GIR)\\s?\\d[ABD-HJLNP-UW-Z]{2}\\b"
          /* US: "CA 94105", "NY 10001-1234" */
          "|\\b[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?\\b"
          /* NL: "1012 AB Amsterdam" */
          "|\\b\\d{4}\\s?[A-Z]{2}\\s+\\p{Lu}\\p{L}+"
          /* DE/FR/ES/IT 5 digits, BE/CH/AT/DK 4 digits, before a city:
         * "10115 Berlin", "D-10115 Berlin", "CH-8001 Zürich" */
          "|(?<![\\d.,/\\-])(?:[A-Z]{1,2}-)?\\d{4,5}(?![\\d.,/\\-])\\s+\\p{Lu}\\p{L}+",
          0);
      p.street = compile (
          "(*UCP)\\b(?:street|road|avenue|lane|drive|boulevard|place|square|terrace|crescent|"
          "highway|parkway|suite|straße|strasse|weg|platz|allee|gasse|damm|ufer|quai|rue|"
          "chemin|via|viale|piazza|calle|avenida|straat|laan|gracht|plein|kade)\\b"
          "|\\b(?:st|rd|ave|blvd|str|pl)\\.(?!\\w)"
          "|\\bp\\.?\\s?o\\.?\\s?box\\b|\\bpostfach\\b"
          "|\\w{3,}(?:straße|strasse|str\\.|weg|platz|allee|gasse|damm|ufer|straat|laan|"
          "gracht|plein|kade)(?!\\w)",
          ci);

      p.street_number = compile (
          /* "Hauptstraße 5", "Bornstraße 14/15", "Keizersgracht 123a" */
          "(*UCP)\\b\\p{L}{3,}(?:straße|strasse|str\\.|weg|platz|allee|gasse|damm|ufer|"
          "straat|laan|gracht|plein|kade|gade|vej|gatan|vägen)\\s?\\d{1,4}\\s?[a-z]?"
          "(?:\\s?[/\\-–]\\s?\\d{1,4}[a-z]?)?(?!\\w|[.,]\\d)"
          /* "Am Wall 12", "Unter den Linden 77" are too loose; "Berliner Straße 5" */
          "|\\b\\p{Lu}\\p{L}+\\s+(?:Straße|Strasse|Str\\.|Weg|Platz|Allee|Gasse|Damm|Ufer|Ring)"
          "\\s+\\d{1,4}\\s?[a-z]?(?!\\w|[.,]\\d)"
          /* "Rue de la Paix 11", "Via Roma, 10", "Calle Mayor 3" */
          "|\\b(?:Rue|Avenue|Boulevard|Bd|Chemin|Place|Quai|Via|Viale|Piazza|Corso|Calle|"
          "Avenida|Carrer|Rua|Praça)\\s+(?:\\p{L}+['’]?\\s*){1,5},?\\s+\\d{1,4}(?!\\w|[.,]\\d)"
          /* "11 rue de la Paix", "11bis, avenue Foch" */
          "|\\b\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:rue|avenue|boulevard|bd|chemin|place|"
          "allée|impasse|quai|cours)\\s+\\p{L}"
          /* "221B Baker Street", "1600 Pennsylvania Ave", "10 Downing St." */
          "|\\b\\d{1,5}[A-Z]?\\s+(?:\\p{Lu}[\\p{L}\\-]*\\.?\\s+){1,3}"
          "(?:Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Ln\\.?|Drive|Dr\\.?|"
          "Boulevard|Blvd\\.?|Way|Place|Pl\\.?|Court|Ct\\.?|Square|Sq\\.?|Terrace|"
          "Crescent|Highway|Hwy\\.?|Parkway|Pkwy\\.?)(?!\\w)",
          0);

      p.venue = compile (
          "(*UCP)^\\s*(?:venue|location|address|adresse|anschrift|ort|veranstaltungsort|"
          "tagungsort|lieu|where|wo)\\s*:\\s*\\p{L}[^,]*,\\s*(?:\\p{Lu}|\\d)",
          ci);
      p.number_label = compile (
          "(*UCP)\\b(?i:iban|bic|swift|konto(?:nummer|nr)?|account(?:\\s+(?:no|number))?|blz|"
          "sort\\s+code|ust-?id(?:nr)?|vat(?:\\s+(?:no|id))?|steuer-?nr|hrb|order(?:\\s+no)?|"
          "art(?:ikel)?-?nr|sku|ref)\\b[\\s.:#-]*(?:[A-Z0-9]{1,6}[\\s.\\-]?)*$",
          0);
      p.code = compile (
          /* JSON ("key": value), JSON-LD keywords, a tag, a shell prompt */
          "\"[^\"]{1,40}\"\\s*:\\s*[\"\\[{\\d]"
          "|@(?:context|type|id|graph|vocab|base|language)\\b"
          "|</?[A-Za-z][\\w:.\\-]*(?:\\s+[\\w:.\\-]+\\s*=\\s*(?:\"[^\"]*\"|'[^']*'))*\\s*/?>"
          /* "$ git clone …", not "$ 99" */
          "|^\\s*[$%]\\s+[a-z][\\w.\\-]*(?:\\s|$)|^\\s*#!/|^\\s*>>>\\s",
          0);
      p.code_sign = compile ("[{}<>|\\\\$;=]|&&|\\(\\)|^\\s*(?:#|//)", 0);
      p.mono_font = compile ("mono(?!type|line)|courier|consol|menlo|monaco|inconsolata|source\\s*code|"
                             "fira\\s*code|typewriter|fixedsys|lucida\\s*console|andale",
                             ci);
      /* "SSID", "WLAN mit dem Namen", "Wi-Fi network called", "WLAN:";
       * not "Freies WLAN" over the address, nor "Wi-Fi at our stand". */
      p.wifi = compile (
          "(*UCP)\\b(?:ssid\\s*[:=]?"
          "|(?:w-?lan|wi-?fi|wireless|hotspot|funknetz|netzwerk|network|réseau)\\b"
          "(?:[^.!?:;]{0,30}?\\b(?:namen?|named|called|namens|heißt|nom)\\s*[:=]?"
          "|\\s*(?:-?\\s*name\\s*)?[:=]))"
          "\\s*[\"„“”»«']?\\s*$",
          ci);

      g_once_init_leave (&done, 1);
    }

  return &p;
}

/* Helpers shared by the detector units */

double
eyl_detect_rect_overlap_area (const EylRect *a,
                              const EylRect *b)
{
  EylRect r;

  if (!eyl_rect_intersect (a, b, &r))
    return 0;
  return eyl_rect_width (&r) * eyl_rect_height (&r);
}

double
eyl_detect_rect_coverage (const EylRect *a,
                          const EylRect *b)
{
  double area = eyl_rect_width (a) * eyl_rect_height (a);

  if (area <= 0)
    return 0;
  return eyl_detect_rect_overlap_area (a, b) / area;
}

char *
eyl_detect_line_text (const EylPageData *page,
                      guint              line)
{
  const EylTextLine *l = &g_array_index (page->lines, EylTextLine, line);

  return eyl_page_data_dup_text (page, l->start, l->end);
}

int
eyl_detect_compare_double (gconstpointer a,
                           gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
eyl_detect_median_font_size (const EylPageData *page)
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < page->lines->len; i++)
    {
      const EylTextLine *l = &g_array_index (page->lines, EylTextLine, i);

      if (l->font_size > 0)
        g_array_append_val (sizes, l->font_size);
    }
  if (sizes->len == 0)
    return 0;

  g_array_sort (sizes, eyl_detect_compare_double);
  if (sizes->len % 2 == 1)
    return g_array_index (sizes, double, sizes->len / 2);
  return 0.5 * (g_array_index (sizes, double, sizes->len / 2 - 1) +
                g_array_index (sizes, double, sizes->len / 2));
}

gboolean
eyl_detect_is_social_domain (const char *domain)
{
  if (domain == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (social_domains); i++)
    if (g_str_equal (domain, social_domains[i]))
      return TRUE;
  return FALSE;
}

gboolean
eyl_detect_names_social_network (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return g_regex_match (patterns_get ()->social_word, text, 0, NULL);
}

EylElement *
eyl_detect_element_for_glyphs (const EylPageData *page,
                               EylElementKind     kind,
                               EylSource          source,
                               const char        *text,
                               guint              start,
                               guint              end,
                               double             confidence)
{
  EylRect            box = eyl_page_data_glyph_box (page, start, end);
  EylElement        *element = eyl_element_new (kind, source, text, &box, confidence);
  const EylTextLine *line = NULL;
  const EylTextRun  *first_run = NULL;

  /* The style of the glyphs themselves: a line may mix a large name with
   * a small credit, so the run wins over the line's dominant style. */
  for (guint i = start; i < end && i < page->glyphs->len; i++)
    {
      const EylGlyph   *g = &g_array_index (page->glyphs, EylGlyph, i);
      const EylTextRun *run;

      if (g_unichar_isspace (g->ch) || g->run >= page->runs->len)
        continue;
      run = &g_array_index (page->runs, EylTextRun, g->run);
      if (first_run == NULL)
        first_run = run;
      if (line == NULL && g->line < page->lines->len)
        line = &g_array_index (page->lines, EylTextLine, g->line);
      element->font_size = MAX (element->font_size, run->font_size);
    }

  if (first_run != NULL)
    element->color = first_run->color;
  if (line != NULL)
    {
      /* Cap height scales with the font size within one line. */
      if (line->font_size > 0 && element->font_size > 0)
        element->cap_height = line->cap_height * element->font_size / line->font_size;
      else
        element->cap_height = line->cap_height;
      if (first_run == NULL)
        element->color = line->color;
    }

  return element;
}

/* Domains */

static gboolean
has_http_scheme (const char *text)
{
  return g_ascii_strncasecmp (text, "http://", 7) == 0 ||
         g_ascii_strncasecmp (text, "https://", 8) == 0;
}

/* The host of a URL, or of a bare domain / www. address, lower-case; NULL
 * when GUri does not accept it as a web address. */
static char *
url_host (const char *text,
          char      **path_out)
{
  g_autofree char *full = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *host;

  full = has_http_scheme (text) ? g_strdup (text) : g_strconcat ("https://", text, NULL);
  uri = g_uri_parse (full, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return NULL;

  host = g_uri_get_host (uri);
  /* A machine's address ("192.168.0.1") is no place to send a customer. */
  if (host == NULL || strchr (host, '.') == NULL || host[0] == '.' ||
      g_str_has_suffix (host, "..") || g_hostname_is_ip_address (host))
    return NULL;

  if (path_out != NULL)
    *path_out = g_strdup (g_uri_get_path (uri));
  return g_ascii_strdown (host, -1);
}

static const psl_ctx_t *
public_suffixes (void)
{
  static const psl_ctx_t *psl;
  static gsize            done = 0;

  if (g_once_init_enter (&done))
    {
      /* The newest of the system's list and the one built into libpsl. */
      psl = psl_latest (NULL);
      if (psl == NULL)
        psl = psl_builtin ();
      g_once_init_leave (&done, 1);
    }
  return psl;
}

/* The TLD of a host is one a registry hands out (no "*" rule: an unknown
 * last label is not a TLD). */
static gboolean
tld_is_known (const char *host)
{
  const char      *dot = strrchr (host, '.');
  const char      *tld = dot != NULL ? dot + 1 : host;
  g_autofree char *lower = g_ascii_strdown (tld, -1);

  for (guint i = 0; i < G_N_ELEMENTS (reserved_tlds); i++)
    if (g_str_equal (lower, reserved_tlds[i]))
      return TRUE;
  return public_suffixes () != NULL &&
         psl_is_public_suffix2 (public_suffixes (), lower,
                                PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE);
}

static gboolean
tld_is_file_extension (const char *host)
{
  const char *dot = strrchr (host, '.');

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (file_extension_tlds); i++)
    if (g_ascii_strcasecmp (dot + 1, file_extension_tlds[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "shop.example.co.uk" → "example.co.uk", by the Public Suffix List. */
static char *
registrable_domain (const char *host)
{
  g_autofree char *h = g_ascii_strdown (host, -1);
  const char      *reg = NULL;

  if (g_str_has_suffix (h, "."))
    h[strlen (h) - 1] = '\0';
  if (public_suffixes () != NULL)
    reg = psl_registrable_domain (public_suffixes (), h);
  if (reg == NULL)
    {
      /* Reserved or unknown TLDs: the last two labels. */
      const char *last = strrchr (h, '.');
      const char *p = last;

      while (p != NULL && p > h && *(p - 1) != '.')
        p--;
      if (last == NULL || p == NULL || p == h)
        return g_steal_pointer (&h);
      return g_strdup (p);
    }
  return g_strdup (reg);
}

/* A bare domain (no scheme, no "www."): its TLD is a real one and not a
 * file extension, and its case is that of a domain. */
static gboolean
bare_domain_ok (const char *text,
                gsize       len)
{
  g_autofree char *host = g_strndup (text, len);
  char            *slash = strchr (host, '/');

  if (slash != NULL)
    *slash = '\0';
  return tld_is_known (host) && !tld_is_file_extension (host);
}

char *
eyl_detect_domain_of (const char *url_or_email)
{
  g_autofree char *text = NULL;
  g_autofree char *host = NULL;
  const char      *at;

  g_return_val_if_fail (url_or_email != NULL, NULL);

  text = g_strstrip (g_strdup (url_or_email));
  if (g_ascii_strncasecmp (text, "mailto:", 7) == 0)
    {
      char *q = strchr (text, '?');
      if (q != NULL)
        *q = '\0';
      memmove (text, text + 7, strlen (text + 7) + 1);
    }

  at = strrchr (text, '@');
  if (at != NULL && strstr (text, "://") == NULL && strchr (text, '/') == NULL)
    {
      if (strchr (at + 1, '.') == NULL)
        return NULL;
      host = g_ascii_strdown (at + 1, -1);
    }
  else
    host = url_host (text, NULL);

  if (host == NULL || *host == '\0')
    return NULL;
  return registrable_domain (host);
}

/* Matching on lines */

typedef enum
{
  MASK_EMAIL = 1 << 0,
  MASK_URL = 1 << 1,
  MASK_SOCIAL = 1 << 2,
  MASK_PHONE = 1 << 3,
} Mask;

/* A line's text to match on (eyl_page_data_dup_match_text: ligatures
 * spelt out, unknown glyphs made spaces) and, per byte, its glyph. */
typedef struct
{
  char    *text;
  guint   *glyph_of;
  gboolean code; /* a listing or markup: nothing in it is a contact */
} LineText;

typedef struct
{
  const EylPageData *page;
  const Patterns    *pat;
  GPtrArray         *out;
  guint8            *mask;  /* one per glyph */
  guint              first; /* first element of @out added by us */
  LineText          *lines; /* one per line of the page */
} Ctx;

char *
eyl_detect_line_match_text (const EylPageData *page,
                            guint              line,
                            EylMatchTextFlags  flags,
                            guint            **glyph_of)
{
  const EylTextLine *l = &g_array_index (page->lines, EylTextLine, line);

  return eyl_page_data_dup_match_text (page, l->start, l->end, flags, glyph_of);
}

/* The glyph of the byte at @offset of a line's text; glyph_end() is one
 * past the glyph of the byte before @offset, for the end of a match. */
static guint
glyph_start (const LineText *lt,
             gsize           offset)
{
  return lt->glyph_of[offset];
}

static guint
glyph_end (const LineText *lt,
           gsize           offset)
{
  return offset == 0 ? lt->glyph_of[0] : lt->glyph_of[offset - 1] + 1;
}

static gboolean
range_taken (const Ctx *ctx,
             guint      start,
             guint      end,
             guint8     bits)
{
  for (guint i = start; i < end; i++)
    if (ctx->mask[i] & bits)
      return TRUE;
  return FALSE;
}

static void
take_range (Ctx   *ctx,
            guint  start,
            guint  end,
            guint8 bits)
{
  for (guint i = start; i < end; i++)
    ctx->mask[i] |= bits;
}

static gboolean
lines_adjacent (const EylTextLine *a,
                const EylTextLine *b)
{
  double height = MAX (eyl_rect_height (&a->box), eyl_rect_height (&b->box));
  double gap = b->box.y0 > a->box.y1 ? b->box.y0 - a->box.y1 : a->box.y0 - b->box.y1;

  return gap < 0.8 * height && a->box.x0 < b->box.x1 && b->box.x0 < a->box.x1;
}

static const EylTextLine *
line_at (const Ctx *ctx,
         guint      line)
{
  return &g_array_index (ctx->page->lines, EylTextLine, line);
}

/* Most of the line's ink is set in a monospace face. */
static gboolean
line_is_monospace (const Ctx *ctx,
                   guint      line)
{
  const EylTextLine *l = line_at (ctx, line);
  guint              mono = 0, all = 0;

  for (guint i = l->start; i < l->end; i++)
    {
      const EylGlyph   *g = &g_array_index (ctx->page->glyphs, EylGlyph, i);
      const EylTextRun *run;

      if (g_unichar_isspace (g->ch) || g->run >= ctx->page->runs->len)
        continue;
      run = &g_array_index (ctx->page->runs, EylTextRun, g->run);
      all++;
      if (run->font_name != NULL && g_regex_match (ctx->pat->mono_font, run->font_name, 0, NULL))
        mono++;
    }
  return all > 0 && 2 * mono > all;
}

/* Code and markup: a line of JSON, XML or a shell prompt anywhere, and a
 * block of two or more lines in a monospace face with the signs of code
 * in one of them (a listing).  A single web address in a monospace brand
 * face is not code. */
static void
mark_code_lines (Ctx *ctx)
{
  guint                n = ctx->page->lines->len;
  g_autofree gboolean *mono = g_new0 (gboolean, n + 1);
  g_autofree gboolean *signs = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < n; i++)
    {
      ctx->lines[i].code = g_regex_match (ctx->pat->code, ctx->lines[i].text, 0, NULL);
      mono[i] = line_is_monospace (ctx, i);
      signs[i] = mono[i] && g_regex_match (ctx->pat->code_sign, ctx->lines[i].text, 0, NULL);
    }

  for (guint i = 0; i < n;)
    {
      guint    end = i + 1;
      gboolean any = signs[i];

      if (!mono[i])
        {
          i++;
          continue;
        }
      while (end < n && mono[end] && lines_adjacent (line_at (ctx, end - 1), line_at (ctx, end)))
        any |= signs[end++];
      for (guint k = i; any && end - i >= 2 && k < end; k++)
        ctx->lines[k].code = TRUE;
      i = end;
    }
}

/* Trailing punctuation ends a sentence, not the URL; a closing bracket
 * belongs to the URL only when it opened one. */
static gsize
trim_url_end (const char *s,
              gsize       start,
              gsize       end)
{
  while (end > start)
    {
      char c = s[end - 1];

      if (strchr (".,;:!?'\"*", c) != NULL)
        end--;
      else if (c == ')' || c == ']')
        {
          char open = c == ')' ? '(' : '[';
          int  balance = 0;

          for (gsize i = start; i < end; i++)
            balance += s[i] == open ? 1 : s[i] == c ? -1
                                                    : 0;
          if (balance >= 0)
            break;
          end--;
        }
      else
        break;
    }
  return end;
}

/* A TLD in capitals after a lower-case name is a missing space after a
 * full stop ("the end.It"), not a domain. */
static gboolean
domain_case_ok (const char *s,
                gsize       len)
{
  gsize    dot = len;
  gboolean tld_upper = FALSE, name_lower = FALSE;

  for (gsize i = 0; i < len; i++)
    if (s[i] == '/')
      {
        len = i;
        break;
      }
  for (gsize i = len; i > 0; i--)
    if (s[i - 1] == '.')
      {
        dot = i - 1;
        break;
      }
  for (gsize i = dot + 1; i < len; i++)
    tld_upper |= g_ascii_isupper (s[i]);
  for (gsize i = 0; i < dot; i++)
    name_lower |= g_ascii_islower (s[i]);

  return !(tld_upper && name_lower);
}

/* Words of templates: "[name@example.com]", "{{www.domain.com}}". */
static const char *const placeholder_words[] = {
  "example",
  "domain",
  "yourdomain",
  "your-domain",
  "mydomain",
  "yoursite",
  "yourcompany",
  "company",
  "firma",
  "musterfirma",
  "beispiel",
  "mustermann",
  "muster",
  "name",
  "yourname",
  "your.name",
  "vorname.nachname",
  "firstname.lastname",
  "user",
  "username",
  "email",
  "e-mail",
  "mail",
  "you",
  "xxx",
};

static gboolean
is_placeholder_word (const char *word,
                     gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (placeholder_words); i++)
    if (strlen (placeholder_words[i]) == len &&
        g_ascii_strncasecmp (word, placeholder_words[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* text[start, end) is a contact in brackets made of a template's words:
 * the template was printed without being filled in.  The page says so in
 * a warning (eyl-page-data.c); here it is just not a contact. */
static gboolean
is_placeholder (const char *text,
                gsize       start,
                gsize       end)
{
  g_autofree char *contact = g_strndup (text + start, end - start);
  g_autofree char *domain = NULL;
  const char      *at = strchr (contact, '@');
  gsize            before = start, after = end;

  while (before > 0 && text[before - 1] == ' ')
    before--;
  while (text[after] == ' ')
    after++;
  if (before == 0 || strchr ("[{<", text[before - 1]) == NULL ||
      text[after] == '\0' || strchr ("]}>", text[after]) == NULL)
    return FALSE;

  if (at != NULL && is_placeholder_word (contact, at - contact))
    return TRUE;
  domain = eyl_detect_domain_of (contact);
  return domain != NULL && is_placeholder_word (domain, strcspn (domain, "."));
}

/* Pages that state a licence (a badge's link, "CC BY-SA …") are no
 * contact of anyone on the page. */
static const struct
{
  const char *domain, *path;
} licence_pages[] = {
  { "creativecommons.org", "/licenses" },
  { "creativecommons.org", "/publicdomain" },
  { "opensource.org", "/license" },
  { "gnu.org", "/licenses" },
  { "gnu.org", "/copyleft" },
  { "spdx.org", "/licenses" },
  { "choosealicense.com", "/licenses" },
  { "apache.org", "/licenses" },
  { "mozilla.org", "/MPL" },
};

static gboolean
is_licence_page (const char *domain,
                 const char *path)
{
  for (guint i = 0; path != NULL && i < G_N_ELEMENTS (licence_pages); i++)
    if (g_str_equal (domain, licence_pages[i].domain) &&
        g_ascii_strncasecmp (path, licence_pages[i].path, strlen (licence_pages[i].path)) == 0)
      return TRUE;
  return FALSE;
}

/* What kind of web address @text is: a profile on a social network, a
 * web address, or none (not a host, a licence page). */
static gboolean
web_address_kind (const char     *text,
                  EylElementKind *kind)
{
  g_autofree char *path = NULL;
  g_autofree char *host = url_host (text, &path);
  g_autofree char *domain = NULL;

  if (host == NULL)
    return FALSE;
  domain = registrable_domain (host);
  if (is_licence_page (domain, path))
    return FALSE;

  /* Profile pages: the big networks, and Mastodon-style /@user on any
   * instance. */
  if (eyl_detect_is_social_domain (domain) ||
      (path != NULL && g_str_has_prefix (path, "/@") && strlen (path) > 2))
    *kind = EYL_ELEMENT_SOCIAL;
  else
    *kind = EYL_ELEMENT_URL;
  return TRUE;
}

static EylElement *
add_web_address (Ctx        *ctx,
                 const char *text,
                 guint       start,
                 guint       end,
                 double      confidence)
{
  EylElementKind kind;
  EylElement    *element;

  if (!web_address_kind (text, &kind))
    return NULL;

  element = eyl_detect_element_for_glyphs (ctx->page, kind, EYL_SOURCE_TEXT, text,
                                           start, end, confidence);
  g_ptr_array_add (ctx->out, element);
  take_range (ctx, start, end, kind == EYL_ELEMENT_SOCIAL ? MASK_URL | MASK_SOCIAL : MASK_URL);
  return element;
}

/* The name of a Wi-Fi network ("WLAN mit dem Namen bremen.freifunk.net",
 * "SSID: …") is written like a domain: the words just before it, on this
 * line or at the end of the line above, say which it is. */
static gboolean
names_a_network (const Ctx  *ctx,
                 guint       line,
                 const char *text,
                 gsize       start)
{
  g_autoptr(GString) before = g_string_new (NULL);
  const EylTextLine *cur = line_at (ctx, line);
  const EylTextLine *prev = line > 0 ? line_at (ctx, line - 1) : NULL;

  /* The line above in the same type: the sentence goes on. */
  if (prev != NULL && lines_adjacent (prev, cur) && prev->box.y0 < cur->box.y0 &&
      ABS (prev->font_size - cur->font_size) <= 0.2 * cur->font_size)
    g_string_append_printf (before, "%s ", ctx->lines[line - 1].text);
  g_string_append_len (before, text, start);
  return g_regex_match (ctx->pat->wifi, before->str, 0, NULL);
}

/* Where an address is cut at the end of a line: the first line ends in
 * the start of a web address or email cut after "-", "/", ".", "_", "@"
 * or at a soft hyphen (or in a start that cannot stand alone), the next
 * line starts right below with the rest in the same type, and the two
 * together make one address.  Two addresses stacked — a URL above an
 * email, a URL above another — are never joined. */
static void
find_split_contacts (Ctx *ctx)
{
  const EylPageData *page = ctx->page;

  for (guint i = 0; i + 1 < page->lines->len; i++)
    {
      const EylTextLine *a = line_at (ctx, i);
      const EylTextLine *b = line_at (ctx, i + 1);
      const char        *ta = ctx->lines[i].text;
      const char        *tb = ctx->lines[i + 1].text;
      g_autofree char   *joined = NULL;
      g_autofree char   *rest = NULL;
      const char        *tok_a, *space;
      gsize              len_a, len_b, end_b;
      double             height = eyl_rect_height (&a->box);
      gboolean           soft_break, email, cut;
      char               last;

      if (ctx->lines[i].code || ctx->lines[i + 1].code ||
          b->box.y0 < a->box.y0 || b->box.y0 - a->box.y1 > height ||
          a->font_size <= 0 || ABS (b->font_size - a->font_size) > 0.2 * a->font_size)
        continue;

      tok_a = ta;
      for (const char *p = ta; *p != '\0'; p++)
        if (g_ascii_isspace (*p))
          tok_a = p + 1;
      len_a = strlen (tok_a);
      email = strchr (tok_a, '@') != NULL && strchr (tok_a, '/') == NULL;
      if (len_a < 5 || !(email || g_ascii_strncasecmp (tok_a, "www.", 4) == 0 ||
                         has_http_scheme (tok_a)))
        continue;

      space = tb;
      while (*space != '\0' && !g_ascii_isspace (*space))
        space++;
      len_b = space - tb;
      if (len_b == 0)
        continue;
      end_b = trim_url_end (tb, 0, len_b);
      rest = g_strndup (tb, end_b);

      /* The text layer ends the line in a soft hyphen: hyphenation. */
      soft_break = g_array_index (page->glyphs, EylGlyph, a->end - 1).ch == 0x00AD;
      last = tok_a[len_a - 1];
      cut = soft_break || strchr ("-._@", last) != NULL ||
            (last == '/' && !eyl_detect_is_url (rest)) ||
            (!email && !eyl_detect_is_url (tok_a));
      /* The next line opening an email of its own is the next contact. */
      if (!cut || strchr (rest, '@') != NULL)
        continue;
      if (!(g_ascii_islower (tb[0]) || g_ascii_isdigit (tb[0]) || tb[0] == '/' ||
            strchr ("-._@", last) != NULL || soft_break))
        continue;

      joined = g_strconcat (tok_a, rest, NULL);
      if (email ? !eyl_detect_is_email (joined) : !eyl_detect_is_url (joined))
        continue;

      {
        guint       ga = glyph_start (&ctx->lines[i], tok_a - ta);
        guint       gb = glyph_end (&ctx->lines[i + 1], end_b);
        EylElement *element;
        EylRect     box_b;

        if (email)
          {
            element = eyl_detect_element_for_glyphs (page, EYL_ELEMENT_EMAIL, EYL_SOURCE_TEXT,
                                                     joined, ga, a->end, 0.9);
            g_ptr_array_add (ctx->out, element);
            take_range (ctx, ga, a->end, MASK_EMAIL | MASK_URL);
          }
        else if ((element = add_web_address (ctx, joined, ga, a->end, 0.9)) == NULL)
          continue;
        box_b = eyl_page_data_glyph_box (page, b->start, gb);
        eyl_rect_union (&element->box, &box_b);
        take_range (ctx, b->start, gb, MASK_EMAIL | MASK_URL);
      }
    }
}

static void
find_emails (Ctx  *ctx,
             guint line)
{
  const LineText *lt = &ctx->lines[line];
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match (ctx->pat->email, lt->text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int              s, e;
      g_autofree char *match = g_match_info_fetch (info, 0);
      guint            gs, ge;

      g_match_info_fetch_pos (info, 0, &s, &e);
      gs = glyph_start (lt, s);
      ge = glyph_end (lt, e);
      if (range_taken (ctx, gs, ge, MASK_EMAIL | MASK_URL))
        continue;
      if (is_placeholder (lt->text, s, e))
        {
          take_range (ctx, gs, ge, MASK_EMAIL | MASK_URL | MASK_SOCIAL);
          continue;
        }
      g_ptr_array_add (ctx->out,
                       eyl_detect_element_for_glyphs (ctx->page, EYL_ELEMENT_EMAIL,
                                                      EYL_SOURCE_TEXT, match, gs, ge, 0.95));
      take_range (ctx, gs, ge, MASK_EMAIL);
    }
}

static void
find_urls (Ctx     *ctx,
           guint    line,
           GRegex  *regex,
           gboolean bare)
{
  const LineText *lt = &ctx->lines[line];
  const char     *text = lt->text;
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match (regex, text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int              s, e;
      gsize            end;
      guint            gs, ge;
      g_autofree char *match = NULL;

      g_match_info_fetch_pos (info, 0, &s, &e);
      end = trim_url_end (text, s, e);
      if (end <= (gsize) s)
        continue;
      if (bare && (!domain_case_ok (text + s, end - s) || !bare_domain_ok (text + s, end - s)))
        continue;
      /* "www." alone, or "http://" with nothing after it. */
      match = g_strndup (text + s, end - s);
      if (!bare && !eyl_detect_is_url (match))
        continue;

      gs = glyph_start (lt, s);
      ge = glyph_end (lt, end);
      if (range_taken (ctx, gs, ge, MASK_EMAIL | MASK_URL))
        continue;
      if (is_placeholder (text, s, end) || names_a_network (ctx, line, text, s))
        {
          take_range (ctx, gs, ge, MASK_URL);
          continue;
        }
      add_web_address (ctx, match, gs, ge, bare ? 0.8 : 0.95);
    }
}

static gboolean
line_has_social_word (const Ctx  *ctx,
                      const char *text,
                      gsize       before)
{
  g_autofree char *head = g_strndup (text, before);

  return g_regex_match (ctx->pat->social_word, head, 0, NULL);
}

/* text[s, e) opens a short line: the event's tag alone on a banner, or a
 * channel with its network ("#ffhb im Hackint") in a contact column whose
 * label ("IRC:") is a line of its own. */
static gboolean
stands_alone (const char *text,
              int         s,
              int         e)
{
  for (int i = 0; i < s; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return g_utf8_strlen (text + e, -1) <= 24;
}

static void
find_social (Ctx  *ctx,
             guint line)
{
  const LineText *lt = &ctx->lines[line];
  const char     *text = lt->text;
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GMatchInfo) tags = NULL;

  g_regex_match (ctx->pat->handle, text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int              s, e;
      guint            gs, ge;
      g_autofree char *match = g_match_info_fetch (info, 0);

      g_match_info_fetch_pos (info, 0, &s, &e);
      gs = glyph_start (lt, s);
      ge = glyph_end (lt, e);
      if (range_taken (ctx, gs, ge, MASK_EMAIL | MASK_URL | MASK_SOCIAL))
        continue;
      g_ptr_array_add (ctx->out,
                       eyl_detect_element_for_glyphs (ctx->page, EYL_ELEMENT_SOCIAL,
                                                      EYL_SOURCE_TEXT, match, gs, ge,
                                                      line_has_social_word (ctx, text, s)
                                                          ? 0.9
                                                          : 0.75));
      take_range (ctx, gs, ge, MASK_SOCIAL);
    }

  /* A hashtag is a way to find the brand when the line says where, or when
   * it stands on a line of its own (the event's tag on a banner). */
  g_regex_match (ctx->pat->hashtag, text, 0, &tags);
  for (; g_match_info_matches (tags); g_match_info_next (tags, NULL))
    {
      int              s, e;
      guint            gs, ge;
      g_autofree char *match = g_match_info_fetch (tags, 0);

      g_match_info_fetch_pos (tags, 0, &s, &e);
      if (!line_has_social_word (ctx, text, s) && !stands_alone (text, s, e))
        continue;
      gs = glyph_start (lt, s);
      ge = glyph_end (lt, e);
      if (range_taken (ctx, gs, ge, MASK_EMAIL | MASK_URL | MASK_SOCIAL))
        continue;
      g_ptr_array_add (ctx->out,
                       eyl_detect_element_for_glyphs (ctx->page, EYL_ELEMENT_SOCIAL,
                                                      EYL_SOURCE_TEXT, match, gs, ge, 0.6));
      take_range (ctx, gs, ge, MASK_SOCIAL);
    }
}

/* Phones */

typedef struct
{
  gsize    len; /* bytes of the phone-shaped prefix */
  guint    n_digits;
  guint    groups; /* digit groups in that prefix */
  gboolean plus;
  gboolean paren;
  gboolean lone_digit; /* a one-digit group where phones have none */
  gsize    extension;  /* end of a one-digit group after "-" (the
                         * extension of "12345-0"), 0 for none */
} PhoneScan;

static gboolean
phone_separator_ok (const char *sep,
                    gsize       len)
{
  static const char *const ok[] = {
    " ",
    ".",
    "-",
    "/",
    " / ",
    " - ",
    " (",
    "(",
    ")",
    ") ",
    ")-",
    "-(",
    ") - ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    if (strlen (ok[i]) == len && strncmp (ok[i], sep, len) == 0)
      return TRUE;
  return FALSE;
}

/* Walks digit groups and the separators phones use between them and
 * returns the longest prefix that is balanced and ends in a digit:
 * "+49 (0)30 1234567", "(030) 1234-567", "+1 (555) 010-0199". */
static void
phone_scan (const char *s,
            PhoneScan  *scan)
{
  gsize    i = 0;
  guint    digits = 0, groups = 0;
  int      depth = 0;
  gboolean in_paren_group, after_dash = FALSE;

  memset (scan, 0, sizeof *scan);

  if (s[i] == '+')
    {
      scan->plus = TRUE;
      i++;
    }
  else if (s[i] == '(')
    {
      scan->paren = TRUE;
      depth = 1;
      i++;
      if (s[i] == '+')
        {
          scan->plus = TRUE;
          i++;
        }
    }

  for (;;)
    {
      gsize g0 = i;

      in_paren_group = depth > 0;
      while (g_ascii_isdigit (s[i]))
        i++;
      if (i == g0)
        break;

      /* One-digit groups: a country code ("+1 555", "+33 1 …"), a trunk
       * "(0)"; elsewhere they are lists of numbers ("0.5 1.5 2.5"). */
      if (i - g0 == 1 && groups > 0 && !in_paren_group && !(groups == 1 && scan->plus))
        {
          if (after_dash && scan->extension == 0)
            scan->extension = i;
          else
            scan->lone_digit = TRUE;
        }
      digits += i - g0;
      groups++;
      if (depth == 0)
        {
          scan->len = i;
          scan->n_digits = digits;
          scan->groups = groups;
        }

      {
        gsize s0 = i;
        int   d = depth;

        while (s[i] != '\0' && !g_ascii_isdigit (s[i]) && i - s0 < 5)
          {
            if (s[i] == '(')
              d++;
            else if (s[i] == ')')
              d--;
            else if (!strchr (" .-/", s[i]))
              break;
            i++;
          }
        if (!g_ascii_isdigit (s[i]) || !phone_separator_ok (s + s0, i - s0) || d < 0 || d > 1)
          break;
        after_dash = i - s0 == 1 && s[s0] == '-';
        depth = d;
      }
    }
}

static gboolean
phone_candidate_ok (const char *line_text,
                    gsize       start,
                    const char *cand,
                    PhoneScan  *scan,
                    gboolean    labelled,
                    double     *confidence)
{
  const Patterns  *pat = patterns_get ();
  g_autofree char *before = g_strndup (line_text, start);
  const char      *after = line_text + start + scan->len;
  gboolean         prefix, shape, lone;

  if (scan->n_digits < 7 || scan->n_digits > 15)
    return FALSE;
  if (g_regex_match (pat->date, cand, 0, NULL) || g_regex_match (pat->year_range, cand, 0, NULL))
    return FALSE;
  if (g_regex_match (pat->isbn, line_text, 0, NULL) ||
      g_regex_match (pat->number_label, before, 0, NULL))
    return FALSE;

  /* A one-digit group is a list of numbers, unless a label says it is a
   * phone number written in short groups ("Tel. 0421 36 10 2") or it is
   * the extension at the end ("+49 421 12345-0"). */
  prefix = g_regex_match (pat->phone_prefix, before, 0, NULL);
  lone = scan->lone_digit || (scan->extension != 0 && scan->extension != scan->len);
  if (lone && !(prefix && (scan->plus || scan->paren || cand[0] == '0')))
    return FALSE;

  /* Prices, measures and percentages: "€ 1 299 000", "1 250 000 m²". */
  {
    const char *b = before + strlen (before);
    const char *a = after;

    while (b > before && b[-1] == ' ')
      b--;
    if (b > before)
      {
        const char *prev = g_utf8_find_prev_char (before, b);
        gunichar    c = prev != NULL ? g_utf8_get_char (prev) : 0;

        if (g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL ||
            g_str_has_suffix (before, "EUR ") || g_str_has_suffix (before, "USD "))
          return FALSE;
      }
    if (g_ascii_isalnum (*a) || (*a == ',' && g_ascii_isdigit (a[1])))
      return FALSE;
    while (*a == ' ')
      a++;
    if (g_unichar_type (g_utf8_get_char (a)) == G_UNICODE_CURRENCY_SYMBOL || *a == '%' ||
        g_str_has_prefix (a, "EUR") || g_str_has_prefix (a, "USD") ||
        g_str_has_prefix (a, "mm") || g_str_has_prefix (a, "cm") || g_str_has_prefix (a, "m²") ||
        g_str_has_prefix (a, "kg"))
      return FALSE;
  }

  shape = scan->plus || scan->paren || cand[0] == '0' ||
          g_regex_match (pat->us_phone, cand, 0, NULL);
  /* A run of digits with neither the look of a phone number nor a label
   * saying it is one (order numbers, ISBN-like codes) is not a phone. */
  if (!shape && !prefix)
    return FALSE;
  /* One unbroken run of digits is rarely written as a phone number on
   * print, and a run of 0 and 1 is decoration ("01001100"); both need a
   * label or a country code. */
  if (!prefix && !scan->plus && !labelled)
    {
      gboolean binary = TRUE;

      for (const char *p = cand; *p != '\0'; p++)
        if (g_ascii_isdigit (*p) && *p != '0' && *p != '1')
          binary = FALSE;
      if (binary || scan->groups == 1)
        return FALSE;
    }

  *confidence = prefix ? 0.95 : scan->plus ? 0.85
                                           : 0.7;
  return TRUE;
}

static void
find_phones (Ctx  *ctx,
             guint line)
{
  const LineText *lt = &ctx->lines[line];
  const char     *text = lt->text;
  gint            pos = 0;

  for (;;)
    {
      g_autoptr(GMatchInfo) info = NULL;
      g_autofree char *cand = NULL;
      PhoneScan        scan;
      double           confidence = 0;
      int              s, e;
      guint            gs, ge;

      if (!g_regex_match_full (ctx->pat->phone_start, text, -1, pos, 0, &info, NULL))
        break;
      g_match_info_fetch_pos (info, 0, &s, &e);

      phone_scan (text + s, &scan);
      if (scan.len == 0)
        {
          pos = e;
          continue;
        }
      cand = g_strndup (text + s, scan.len);
      if (!phone_candidate_ok (text, s, cand, &scan, FALSE, &confidence))
        {
          /* A number that is not a phone number is not one either from its
           * second group on ("ID 2024 0815 4711"); a run too long for one
           * number may be two, so look again after its first group. */
          pos = s + 1;
          if (scan.n_digits <= 15)
            pos = s + scan.len;
          while (text[pos] != '\0' && (g_ascii_isdigit (text[pos]) || text[pos] == '+' ||
                                       text[pos] == '('))
            pos++;
          continue;
        }

      gs = glyph_start (lt, s);
      ge = glyph_end (lt, s + scan.len);
      pos = s + scan.len;
      if (range_taken (ctx, gs, ge, MASK_EMAIL | MASK_URL | MASK_SOCIAL | MASK_PHONE))
        continue;
      g_ptr_array_add (ctx->out,
                       eyl_detect_element_for_glyphs (ctx->page, EYL_ELEMENT_PHONE,
                                                      EYL_SOURCE_TEXT, cand, gs, ge,
                                                      confidence));
      take_range (ctx, gs, ge, MASK_PHONE);
    }
}

/* Postal addresses: a postcode near a street word, on the same line or
 * the line above or below, a street with its house number ("Bornstraße
 * 14/15", "221B Baker Street") with or without a postcode line below, or
 * a line that says it is one ("Venue: Congress Center, Hamburg"); adjacent
 * lines are merged into one element. */
static void
find_addresses (Ctx *ctx)
{
  const EylPageData   *page = ctx->page;
  guint                n = page->lines->len;
  g_autofree gboolean *postcode = g_new0 (gboolean, n + 1);
  g_autofree gboolean *street = g_new0 (gboolean, n + 1);
  g_autofree gboolean *used = g_new0 (gboolean, n + 1);
  g_autofree gboolean *numbered = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *text = ctx->lines[i].text;

      if (ctx->lines[i].code)
        continue;
      postcode[i] = g_regex_match (ctx->pat->postcode, text, 0, NULL);
      street[i] = g_regex_match (ctx->pat->street, text, 0, NULL);
      numbered[i] = g_regex_match (ctx->pat->street_number, text, 0, NULL) ||
                    g_regex_match (ctx->pat->venue, text, 0, NULL);
    }

  for (guint i = 0; i < n; i++)
    {
      const EylTextLine *li = &g_array_index (page->lines, EylTextLine, i);
      guint              first = i, last = i;
      g_autoptr(GString) text = NULL;
      EylElement *element;

      if (used[i] || (!postcode[i] && !numbered[i]))
        continue;

      if (!postcode[i])
        {
          /* The street line; the postcode and city may follow below. */
          if (i + 1 < n && postcode[i + 1] && !used[i + 1] &&
              lines_adjacent (li, &g_array_index (page->lines, EylTextLine, i + 1)))
            last = i + 1;
        }
      else if (!street[i] && !numbered[i])
        {
          if (i > 0 && street[i - 1] && !used[i - 1] &&
              lines_adjacent (&g_array_index (page->lines, EylTextLine, i - 1), li))
            first = i - 1;
          else if (i + 1 < n && street[i + 1] &&
                   lines_adjacent (li, &g_array_index (page->lines, EylTextLine, i + 1)))
            last = i + 1;
          else
            continue;
        }

      text = g_string_new (NULL);
      for (guint k = first; k <= last; k++)
        {
          g_autofree char *t = g_strdup (ctx->lines[k].text);

          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, g_strstrip (t));
          used[k] = TRUE;
        }

      element = eyl_detect_element_for_glyphs (page, EYL_ELEMENT_ADDRESS, EYL_SOURCE_TEXT,
                                               text->str,
                                               g_array_index (page->lines, EylTextLine, first).start,
                                               g_array_index (page->lines, EylTextLine, last).end,
                                               first == last ? 0.7 : 0.6);
      g_ptr_array_add (ctx->out, element);
    }
}

/* Link annotations */

static char *
digits_of (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static gboolean
same_target (EylElementKind kind,
             const char    *a,
             const char    *b)
{
  if (kind == EYL_ELEMENT_EMAIL)
    return g_ascii_strcasecmp (a, b) == 0;

  if (kind == EYL_ELEMENT_PHONE)
    {
      g_autofree char *da = digits_of (a);
      g_autofree char *db = digits_of (b);
      gsize            la = strlen (da), lb = strlen (db);

      /* "+44 20 7946 0958" and "020 7946 0958" are the same line: compare
       * the subscriber part, the last 7 digits. */
      return la >= 7 && lb >= 7 && strcmp (da + la - 7, db + lb - 7) == 0;
    }

  {
    g_autofree char *da = eyl_detect_domain_of (a);
    g_autofree char *db = eyl_detect_domain_of (b);

    return da != NULL && db != NULL && g_str_equal (da, db);
  }
}

/* A link laid over an image and no text: the image is what the reader
 * sees — a QR code, which the pixel stage reads, or a logo — so the link
 * is no contact of its own. */
static gboolean
link_on_image (const EylPageData *page,
               const EylRect     *box)
{
  gboolean on_image = FALSE;

  for (guint i = 0; i < page->lines->len; i++)
    if (eyl_detect_rect_overlap_area (&g_array_index (page->lines, EylTextLine, i).box, box) > 0)
      return FALSE;
  for (guint i = 0; i < page->images->len && !on_image; i++)
    on_image = eyl_detect_rect_coverage (box, &g_array_index (page->images, EylImageInfo, i).box) >= 0.5;
  return on_image;
}

static void
find_links (Ctx *ctx)
{
  const EylPageData *page = ctx->page;

  for (guint i = 0; i < page->links->len; i++)
    {
      const EylLinkInfo *link = &g_array_index (page->links, EylLinkInfo, i);
      g_autofree char   *target = NULL;
      EylElementKind     kind;
      EylElement        *element;
      gboolean           covered = FALSE;
      double             best_overlap = 0;

      if (link->uri == NULL)
        continue;

      if (g_ascii_strncasecmp (link->uri, "mailto:", 7) == 0)
        {
          g_autofree char *addr = g_strndup (link->uri + 7, strcspn (link->uri + 7, "?"));

          kind = EYL_ELEMENT_EMAIL;
          target = g_uri_unescape_string (addr, NULL);
          if (target == NULL || !eyl_detect_is_email (target))
            continue;
        }
      else if (g_ascii_strncasecmp (link->uri, "tel:", 4) == 0)
        {
          kind = EYL_ELEMENT_PHONE;
          target = g_uri_unescape_string (link->uri + 4, NULL);
          if (target == NULL)
            continue;
          g_strstrip (target);
        }
      else if (has_http_scheme (link->uri))
        {
          g_autofree char *path = NULL;
          g_autofree char *host = url_host (link->uri, &path);

          /* A link to a PDF is the document's link to itself (or to
           * another document): nothing a reader of the print can follow. */
          if (host == NULL || !web_address_kind (link->uri, &kind) ||
              (path != NULL && g_str_has_suffix (path, ".pdf")))
            continue;
          target = g_strdup (link->uri);
        }
      else
        continue;

      /* One element per contact: the text under the link already says it. */
      for (guint k = ctx->first; k < ctx->out->len && !covered; k++)
        {
          EylElement *other = g_ptr_array_index (ctx->out, k);
          gboolean    web = kind == EYL_ELEMENT_URL || kind == EYL_ELEMENT_SOCIAL;
          gboolean    other_web = other->kind == EYL_ELEMENT_URL ||
                               other->kind == EYL_ELEMENT_SOCIAL;

          if (!(other->kind == kind || (web && other_web)))
            continue;
          if (eyl_detect_rect_overlap_area (&other->box, &link->box) <= 0 &&
              !(other->source == EYL_SOURCE_LINK &&
                eyl_detect_rect_coverage (&other->box, &link->box) > 0))
            continue;
          if (same_target (kind, other->text, target))
            {
              covered = TRUE;
              other->confidence = MAX (other->confidence, 0.95);
            }
        }
      if (covered || link_on_image (page, &link->box))
        continue;

      element = eyl_element_new (kind, EYL_SOURCE_LINK, target, &link->box, 0.9);
      /* The type under the link, for the legibility rules. */
      for (guint k = 0; k < page->lines->len; k++)
        {
          const EylTextLine *l = &g_array_index (page->lines, EylTextLine, k);
          double             overlap = eyl_detect_rect_overlap_area (&l->box, &link->box);

          if (overlap > best_overlap)
            {
              best_overlap = overlap;
              element->font_size = l->font_size;
              element->cap_height = l->cap_height;
              element->color = l->color;
            }
        }
      g_ptr_array_add (ctx->out, element);
    }
}

/* One contact, one element */

static double
type_size (const EylElement *element)
{
  return element->cap_height > 0 ? element->cap_height : 0.7 * element->font_size;
}

/* The user name of a profile on Twitter / X ("twitter.com/northwind/" →
 * "northwind"), NULL for other addresses. */
static char *
twitter_user (const EylElement *element)
{
  g_autofree char *path = NULL;
  g_autofree char *host = NULL;
  g_autofree char *domain = NULL;
  g_auto(GStrv) parts = NULL;

  if (element->kind != EYL_ELEMENT_SOCIAL || element->text[0] == '@' ||
      element->text[0] == '#' || (host = url_host (element->text, &path)) == NULL)
    return NULL;
  domain = registrable_domain (host);
  if (!g_str_equal (domain, "twitter.com") && !g_str_equal (domain, "x.com"))
    return NULL;
  parts = g_strsplit (path != NULL ? path : "", "/", 3);
  if (parts[0] == NULL || parts[1] == NULL || parts[1][0] == '\0')
    return NULL;
  return g_strdup (parts[1]);
}

/* @a and @b say the same: a handle and its profile ("@northwind",
 * "x.com/northwind"), or the same words printed twice over each other (a
 * shadow, a knock-out copy). */
static gboolean
same_contact (const EylElement *a,
              const EylElement *b)
{
  g_autofree char *user_a = twitter_user (a);
  g_autofree char *user_b = twitter_user (b);
  double           smaller = MIN (eyl_rect_width (&a->box) * eyl_rect_height (&a->box),
                                  eyl_rect_width (&b->box) * eyl_rect_height (&b->box));

  if (user_a != NULL && b->kind == EYL_ELEMENT_SOCIAL && b->text[0] == '@')
    return g_ascii_strcasecmp (user_a, b->text + 1) == 0;
  if (user_b != NULL && a->kind == EYL_ELEMENT_SOCIAL && a->text[0] == '@')
    return g_ascii_strcasecmp (user_b, a->text + 1) == 0;

  return a->kind == b->kind && g_ascii_strcasecmp (a->text, b->text) == 0 && smaller > 0 &&
         eyl_detect_rect_overlap_area (&a->box, &b->box) >= 0.5 * smaller;
}

/* Keeps one element of each contact: the one in the larger type, the
 * profile URL when both are the same size. */
static void
merge_duplicates (Ctx *ctx)
{
  for (guint i = ctx->first; i < ctx->out->len; i++)
    for (guint j = i + 1; j < ctx->out->len; j++)
      {
        EylElement *a = g_ptr_array_index (ctx->out, i);
        EylElement *b = g_ptr_array_index (ctx->out, j);
        gboolean    drop_a;

        if (!same_contact (a, b))
          continue;
        g_debug ("%s and %s: one contact", a->text, b->text);
        if (type_size (a) != type_size (b))
          drop_a = type_size (a) < type_size (b);
        else
          drop_a = a->text[0] == '@';
        g_ptr_array_remove_index (ctx->out, drop_a ? i : j);
        i--;
        break;
      }
}

void
eyl_detect_contacts (const EylPageData *page,
                     GPtrArray         *out)
{
  g_autofree guint8 *mask = NULL;
  guint              n_lines;
  Ctx                ctx;

  g_return_if_fail (page != NULL);
  g_return_if_fail (out != NULL);

  n_lines = page->lines->len;
  mask = g_new0 (guint8, page->glyphs->len + 1);
  ctx = (Ctx) { page, patterns_get (), out, mask, out->len, g_new0 (LineText, n_lines + 1) };
  for (guint i = 0; i < n_lines; i++)
    ctx.lines[i].text = eyl_detect_line_match_text (page, i, EYL_MATCH_TEXT_SOFT_HYPHEN_SEEN,
                                                    &ctx.lines[i].glyph_of);
  mark_code_lines (&ctx);

  find_split_contacts (&ctx);
  for (guint i = 0; i < n_lines; i++)
    {
      if (ctx.lines[i].code)
        continue;
      find_emails (&ctx, i);
      find_urls (&ctx, i, ctx.pat->url, FALSE);
      find_urls (&ctx, i, ctx.pat->domain, TRUE);
      find_social (&ctx, i);
      find_phones (&ctx, i);
    }
  find_addresses (&ctx);
  find_links (&ctx);
  merge_duplicates (&ctx);

  for (guint i = 0; i < n_lines; i++)
    {
      g_free (ctx.lines[i].text);
      g_free (ctx.lines[i].glyph_of);
    }
  g_free (ctx.lines);
}

/* Whole-string checks */

static gboolean
whole_match (GRegex     *regex,
             const char *text)
{
  g_autoptr(GMatchInfo) info = NULL;
  int s, e;

  if (!g_regex_match (regex, text, 0, &info))
    return FALSE;
  g_match_info_fetch_pos (info, 0, &s, &e);
  return s == 0 && (gsize) e == strlen (text);
}

gboolean
eyl_detect_is_email (const char *text)
{
  g_autofree char *t = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  t = g_strstrip (g_strdup (text));
  return whole_match (patterns_get ()->email, t);
}

gboolean
eyl_detect_is_url (const char *text)
{
  const Patterns  *pat = patterns_get ();
  g_autofree char *t = NULL;
  g_autofree char *host = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  t = g_strstrip (g_strdup (text));
  if (whole_match (pat->url, t))
    ;
  else if (!(whole_match (pat->domain, t) && domain_case_ok (t, strlen (t)) &&
             bare_domain_ok (t, strlen (t))))
    return FALSE;

  host = url_host (t, NULL);
  if (host == NULL)
    return FALSE;
  /* "www.x" alone: a host needs a name and a top-level domain. */
  return !g_str_has_suffix (host, ".") && strlen (strrchr (host, '.') + 1) >= 2 &&
         !(g_str_has_prefix (host, "www.") && strchr (host + 4, '.') == NULL);
}

gboolean
eyl_detect_is_phone (const char *text)
{
  g_autofree char *t = NULL;
  PhoneScan        scan;
  double           confidence;

  g_return_val_if_fail (text != NULL, FALSE);

  t = g_strstrip (g_strdup (text));
  if (!g_regex_match (patterns_get ()->phone_start, t, 0, NULL) ||
      !(t[0] == '+' || t[0] == '(' || g_ascii_isdigit (t[0])))
    return FALSE;
  phone_scan (t, &scan);
  if (scan.len != strlen (t))
    return FALSE;
  /* The caller says it is a phone number (a brand kit's "phone" key). */
  return phone_candidate_ok (t, 0, t, &scan, TRUE, &confidence);
}

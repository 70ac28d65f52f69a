/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-ocr-stress"

#include <math.h>
#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "eyl-analysis.h"
#include "eyl-document.h"
#include "eyl-ocr-stress.h"

#define MM             (72.0 / 25.4) /* pt per mm */
#define LINES_PER_PAGE 4

/* The levels of each condition. */

static const char *const contact_names[] = { "url", "email", "phone", "handle" };

typedef struct
{
  const char *family;
  const char *package; /* Debian package, for the note when missing */
} Font;

/* Sans, serif and monospace from fonts-dejavu-core (install-deps.sh);
 * Helvetica, Times and Avant Garde lookalikes from fonts-urw-base35. */
static const Font fonts[] = {
  { "DejaVu Sans", "fonts-dejavu-core" },
  { "DejaVu Serif", "fonts-dejavu-core" },
  { "DejaVu Sans Mono", "fonts-dejavu-core" },
  { "Nimbus Sans", "fonts-urw-base35" },
  { "Nimbus Roman", "fonts-urw-base35" },
  { "URW Gothic", "fonts-urw-base35" },
};

static const char *const weight_names[] = { "regular", "bold" };
static const PangoWeight weights[] = { PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_BOLD };

/* Capital height in px on the analysis raster at 1 px/mm (the default). */
static const double      sizes_px[] = { 8, 10, 12, 16, 24, 32 };
static const char *const size_names[] = { "8 px", "10 px", "12 px", "16 px", "24 px", "32 px" };

typedef enum
{
  COLOUR_DARK,  /* near-black on a light ground */
  COLOUR_BRAND, /* a brand colour on a light ground */
  COLOUR_LIGHT, /* white or yellow on a dark ground */
} Colour;
static const char *const colour_names[] = { "dark on light", "colour on light", "light on dark" };

typedef enum
{
  BACKGROUND_PLAIN,
  BACKGROUND_GRADIENT,
  BACKGROUND_NOISE,
} Background;
static const char *const background_names[] = { "plain", "gradient", "photo-like" };

static const char *const drawn_names[] = { "live", "outlined" };

typedef enum
{
  POSITION_TOP,
  POSITION_MIDDLE,
  POSITION_BOTTOM,
} Position;
static const char *const position_names[] = { "top", "middle", "bottom" };

typedef enum
{
  ALIGN_LEFT,
  ALIGN_CENTRE,
  ALIGN_RIGHT,
} Align;
static const char *const align_names[] = { "left edge", "centre", "right edge" };

typedef enum
{
  BESIDE_NOTHING,
  BESIDE_ICON,
  BESIDE_QR,
} Beside;
static const char *const beside_names[] = { "nothing", "icon", "QR code" };

typedef enum
{
  OTHER_NONE,
  OTHER_LIVE,
  OTHER_OUTLINED,
} Other;
static const char *const other_names[] = { "none", "live", "outlined" };

typedef struct
{
  const char *name;
  double      width_mm, height_mm;
} PageKind;
static const PageKind page_kinds[] = {
  { "roll-up 850x2000", 850, 2000 },
  { "A4 flyer", 210, 297 },
};
static const char *const page_names[] = { "roll-up 850x2000", "A4 flyer" };

static const char *const factor_names[EYL_STRESS_N_FACTORS] = {
  "contact",
  "font",
  "weight",
  "capitals",
  "colour",
  "background",
  "drawn",
  "position",
  "align",
  "beside",
  "other text",
  "page",
};

/* Brands: one per page, its four contacts. */
static const char *const brands[][LINES_PER_PAGE] = {
  { "www.northwind-tea.com", "hello@northwind-tea.com", "+44 20 7946 0958", "@northwindtea" },
  { "bluefjord.org/events", "info@bluefjord.org", "+47 22 12 34 56", "@bluefjord_org" },
  { "https://kaffeehaus-mueller.de", "kontakt@kaffeehaus-mueller.de", "+49 30 1234 5678", "@kaffeehaus.mueller" },
  { "www.greenleaf.co.uk", "sales@greenleaf.co.uk", "0161 496 0123", "@GreenleafUK" },
  { "solaria.energy", "team@solaria.energy", "+1 415 555 0132", "@solaria_energy" },
  { "www.atelier-lumiere.fr", "bonjour@atelier-lumiere.fr", "+33 1 42 68 53 00", "@atelierlumiere" },
};

static const char *const headlines[] = {
  "Fresh ideas, brewed daily",
  "Clean energy for every home",
  "Your next adventure starts here",
};

static const char *const body[] = {
  "We grow, pick and pack every leaf by hand",
  "and ship it to you within a week of harvest.",
  "Taste the difference of a small family farm:",
  "no blends, no additives, just honest tea.",
};

/* Brand names set beside a round mark (see draw_mark). */
static const char *const lockups[] = { "agens", "northwind", "solaria", "greenleaf" };

static const char *fine_print = "Printed on recycled paper. Prices valid until 31.12.2025.";

/* ------------------------------------------------------------------ */

typedef struct
{
  guint       levels[EYL_STRESS_N_FACTORS];
  const char *text;
  EylRect     box; /* ink, page space */
  double      cap_pt;
  double      cap_px; /* on the analysis raster of the run */
  gboolean    found;
  gboolean    exact; /* and its text read right */
  char       *read;  /* what was found there, or NULL */
} Line;

typedef struct
{
  guint    index;
  double   width_pt, height_pt;
  double   design_px_per_pt; /* the analysis raster at 1 px/mm */
  Line     lines[LINES_PER_PAGE];
  char    *path;
  guint    spurious;
  GString *spurious_text;
  char    *error;
} Page;

typedef struct
{
  double cap_ratio[G_N_ELEMENTS (fonts)][G_N_ELEMENTS (weights)]; /* cap height / em */
} Metrics;

struct _EylStressSet
{
  GArray     *pages; /* Page */
  Metrics     metrics;
  GString    *notes;
  double      px_per_mm;
  double      seconds;
  guint       threads;
  const char *dir;
};

static guint n_levels[EYL_STRESS_N_FACTORS] = {
  G_N_ELEMENTS (contact_names),
  G_N_ELEMENTS (fonts),
  G_N_ELEMENTS (weight_names),
  G_N_ELEMENTS (sizes_px),
  G_N_ELEMENTS (colour_names),
  G_N_ELEMENTS (background_names),
  G_N_ELEMENTS (drawn_names),
  G_N_ELEMENTS (position_names),
  G_N_ELEMENTS (align_names),
  G_N_ELEMENTS (beside_names),
  G_N_ELEMENTS (other_names),
  G_N_ELEMENTS (page_names),
};

static const char *
level_name (EylStressFactor factor,
            guint           level)
{
  switch (factor)
    {
    case EYL_STRESS_CONTACT: return contact_names[level];
    case EYL_STRESS_FONT: return fonts[level].family;
    case EYL_STRESS_WEIGHT: return weight_names[level];
    case EYL_STRESS_SIZE: return size_names[level];
    case EYL_STRESS_COLOUR: return colour_names[level];
    case EYL_STRESS_BACKGROUND: return background_names[level];
    case EYL_STRESS_DRAWN: return drawn_names[level];
    case EYL_STRESS_POSITION: return position_names[level];
    case EYL_STRESS_ALIGN: return align_names[level];
    case EYL_STRESS_BESIDE: return beside_names[level];
    case EYL_STRESS_OTHER_TEXT: return other_names[level];
    case EYL_STRESS_PAGE: return page_names[level];
    case EYL_STRESS_N_FACTORS:
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------ */
/* Fonts */

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *family,
             PangoWeight weight,
             double      size_pt,
             const char *text)
{
  PangoLayout          *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, family);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_absolute_size (desc, size_pt * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Ink extents in pt, relative to the layout's origin. */
static void
ink_extents (PangoLayout *layout,
             EylRect     *ink)
{
  PangoRectangle r;

  pango_layout_get_extents (layout, &r, NULL);
  ink->x0 = (double) r.x / PANGO_SCALE;
  ink->y0 = (double) r.y / PANGO_SCALE;
  ink->x1 = ink->x0 + (double) r.width / PANGO_SCALE;
  ink->y1 = ink->y0 + (double) r.height / PANGO_SCALE;
}

/* TRUE when fontconfig gives @family itself, not a substitute. */
static gboolean
font_installed (PangoContext *context,
                const char   *family)
{
  PangoFontDescription *desc = pango_font_description_from_string (family);
  PangoFont            *font;
  gboolean              ok = FALSE;

  pango_font_description_set_family (desc, family);
  font = pango_font_map_load_font (pango_context_get_font_map (context), context, desc);
  if (font != NULL)
    {
      PangoFontDescription *got = pango_font_describe (font);

      ok = g_ascii_strcasecmp (pango_font_description_get_family (got), family) == 0;
      pango_font_description_free (got);
      g_object_unref (font);
    }
  pango_font_description_free (desc);
  return ok;
}

/* Capital height per em of each font and weight, from the ink of "H";
 * fonts not installed get 0. */
static void
measure_fonts (Metrics *metrics,
               GString *notes)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 4, 4);
  cairo_t         *cr = cairo_create (surface);
  PangoContext    *context = pango_cairo_create_context (cr);

  for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
    {
      if (!font_installed (context, fonts[f].family))
        {
          g_string_append_printf (notes, "%s is not installed (%s): left out.\n",
                                  fonts[f].family, fonts[f].package);
          continue;
        }
      for (guint w = 0; w < G_N_ELEMENTS (weights); w++)
        {
          PangoLayout *layout = make_layout (cr, fonts[f].family, weights[w], 1000, "H");
          EylRect      ink;

          ink_extents (layout, &ink);
          metrics->cap_ratio[f][w] = (ink.y1 - ink.y0) / 1000.0;
          g_object_unref (layout);
        }
    }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ------------------------------------------------------------------ */
/* The set */

/* @n values, each level of @factor equally often (as near as @n allows),
 * in a random order. */
static guint *
balanced (guint        n,
          guint        n_level,
          const guint *allowed,
          guint        n_allowed,
          GRand       *rand)
{
  guint *v = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    v[i] = allowed != NULL ? allowed[i % n_allowed] : i % n_level;
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      guint t = v[i - 1];

      v[i - 1] = v[j];
      v[j] = t;
    }
  return v;
}

static double
design_px_per_pt (const PageKind *kind)
{
  /* The analysis raster: 1 px per mm, raised to 1 Mpx for small pages
   * (EylRenderer's min_pixels). */
  double px_per_mm = MAX (1.0, sqrt (1e6 / (kind->width_mm * kind->height_mm)));

  return px_per_mm / MM;
}

/* The width of @line as drawn (pt): its text and what is beside it. */
static double
line_width (const Metrics *metrics,
            const Line    *line)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 4, 4);
  cairo_t         *cr = cairo_create (surface);
  guint            f = line->levels[EYL_STRESS_FONT], w = line->levels[EYL_STRESS_WEIGHT];
  PangoLayout     *layout = make_layout (cr, fonts[f].family, weights[w],
                                         line->cap_pt / metrics->cap_ratio[f][w], line->text);
  double           beside = line->levels[EYL_STRESS_BESIDE] == BESIDE_QR     ? 4.2 * line->cap_pt
                            : line->levels[EYL_STRESS_BESIDE] == BESIDE_ICON ? 2.0 * line->cap_pt
                                                                             : 0;
  EylRect          ink;

  ink_extents (layout, &ink);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return ink.x1 - ink.x0 + beside;
}

EylStressSet *
eyl_stress_set_new (guint   n_pages,
                    guint32 seed)
{
  EylStressSet *set = g_new0 (EylStressSet, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint             n_lines = n_pages * LINES_PER_PAGE;
  g_autofree guint *fonts_ok = g_new (guint, G_N_ELEMENTS (fonts));
  guint             n_fonts_ok = 0;
  guint            *line_levels[EYL_STRESS_N_FACTORS] = {
               NULL,
  };
  guint *page_levels[EYL_STRESS_N_FACTORS] = {
    NULL,
  };
  /* Per page: the page's ground and what else it says. */
  static const EylStressFactor page_factors[] = {
    EYL_STRESS_COLOUR,
    EYL_STRESS_BACKGROUND,
    EYL_STRESS_OTHER_TEXT,
    EYL_STRESS_PAGE,
  };
  /* Per line. */
  static const EylStressFactor line_factors[] = {
    EYL_STRESS_FONT,
    EYL_STRESS_WEIGHT,
    EYL_STRESS_SIZE,
    EYL_STRESS_DRAWN,
    EYL_STRESS_ALIGN,
    EYL_STRESS_BESIDE,
  };

  set->notes = g_string_new (NULL);
  measure_fonts (&set->metrics, set->notes);
  for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
    if (set->metrics.cap_ratio[f][0] > 0)
      fonts_ok[n_fonts_ok++] = f;
  g_assert_cmpuint (n_fonts_ok, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (page_factors); i++)
    page_levels[page_factors[i]] = balanced (n_pages, n_levels[page_factors[i]], NULL, 0, rand);
  for (guint i = 0; i < G_N_ELEMENTS (line_factors); i++)
    {
      EylStressFactor f = line_factors[i];

      line_levels[f] = f == EYL_STRESS_FONT
                           ? balanced (n_lines, 0, fonts_ok, n_fonts_ok, rand)
                           : balanced (n_lines, n_levels[f], NULL, 0, rand);
    }

  set->pages = g_array_sized_new (FALSE, TRUE, sizeof (Page), n_pages);
  g_array_set_size (set->pages, n_pages);
  for (guint p = 0; p < n_pages; p++)
    {
      Page *page = &g_array_index (set->pages, Page, p);
      /* Two of the three places at most per page: top, middle, bottom
       * twice each, four of them drawn. */
      guint           places[] = { POSITION_TOP, POSITION_TOP, POSITION_MIDDLE, POSITION_MIDDLE,
                                   POSITION_BOTTOM, POSITION_BOTTOM };
      const PageKind *kind;

      for (guint i = G_N_ELEMENTS (places); i > 1; i--)
        {
          guint j = g_rand_int_range (rand, 0, i);
          guint t = places[i - 1];

          places[i - 1] = places[j];
          places[j] = t;
        }

      page->index = p;
      kind = &page_kinds[page_levels[EYL_STRESS_PAGE][p]];
      page->width_pt = kind->width_mm * MM;
      page->height_pt = kind->height_mm * MM;
      page->design_px_per_pt = design_px_per_pt (kind);
      for (guint l = 0; l < LINES_PER_PAGE; l++)
        {
          Line *line = &page->lines[l];
          guint n = p * LINES_PER_PAGE + l;

          for (guint i = 0; i < G_N_ELEMENTS (page_factors); i++)
            line->levels[page_factors[i]] = page_levels[page_factors[i]][p];
          for (guint i = 0; i < G_N_ELEMENTS (line_factors); i++)
            line->levels[line_factors[i]] = line_levels[line_factors[i]][n];
          line->levels[EYL_STRESS_CONTACT] = l;
          line->levels[EYL_STRESS_POSITION] = places[l];
          line->text = brands[p % G_N_ELEMENTS (brands)][l];
          line->cap_pt = sizes_px[line->levels[EYL_STRESS_SIZE]] / page->design_px_per_pt;
          /* Too wide for the page in this size (a long address in a
           * monospace face on a flyer): the next size down. */
          while (line->levels[EYL_STRESS_SIZE] > 0 &&
                 line_width (&set->metrics, line) > 0.9 * page->width_pt)
            {
              line->levels[EYL_STRESS_SIZE]--;
              line->cap_pt = sizes_px[line->levels[EYL_STRESS_SIZE]] / page->design_px_per_pt;
            }
        }
    }

  for (guint f = 0; f < EYL_STRESS_N_FACTORS; f++)
    {
      g_free (line_levels[f]);
      g_free (page_levels[f]);
    }
  return set;
}

static void
page_clear_results (Page *page)
{
  for (guint l = 0; l < LINES_PER_PAGE; l++)
    {
      g_clear_pointer (&page->lines[l].read, g_free);
      page->lines[l].found = page->lines[l].exact = FALSE;
      page->lines[l].cap_px = 0;
    }
  g_clear_pointer (&page->path, g_free);
  g_clear_pointer (&page->error, g_free);
  if (page->spurious_text != NULL)
    g_string_free (page->spurious_text, TRUE);
  page->spurious_text = NULL;
  page->spurious = 0;
}

void
eyl_stress_set_free (EylStressSet *set)
{
  if (set == NULL)
    return;
  for (guint p = 0; p < set->pages->len; p++)
    page_clear_results (&g_array_index (set->pages, Page, p));
  g_array_unref (set->pages);
  g_string_free (set->notes, TRUE);
  g_free (set);
}

void
eyl_stress_set_keep_only (EylStressSet *set,
                          guint         index)
{
  g_return_if_fail (index < set->pages->len);

  if (index > 0)
    g_array_remove_range (set->pages, 0, index);
  g_array_set_size (set->pages, 1);
}

const char *
eyl_stress_set_notes (EylStressSet *set)
{
  return set->notes->len > 0 ? set->notes->str : NULL;
}

/* ------------------------------------------------------------------ */
/* Drawing */

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static gboolean
dark_ground (const Page *page)
{
  return page->lines[0].levels[EYL_STRESS_COLOUR] == COLOUR_LIGHT;
}

static guint32
text_colour (const Page *page,
             guint       n)
{
  switch (page->lines[0].levels[EYL_STRESS_COLOUR])
    {
    case COLOUR_DARK:
      return 0x1a1a1a;
    case COLOUR_BRAND:
      return n % 2 == 0 ? 0x0b5394 : 0xb3261e;
    case COLOUR_LIGHT:
    default:
      return n % 2 == 0 ? 0xffffff : 0xffd23f;
    }
}

/* Smooth noise: random values on a grid of @cells, interpolated
 * bilinearly (value noise). */
static double
value_noise (const double *grid,
             int           cells,
             double        u,
             double        v)
{
  double        x = u * cells, y = v * cells;
  int           ix = MIN ((int) x, cells - 1), iy = MIN ((int) y, cells - 1);
  double        fx = x - ix, fy = y - iy;
  const double *row0 = grid + (gsize) iy * (cells + 1);
  const double *row1 = row0 + cells + 1;

  return (row0[ix] * (1 - fx) + row0[ix + 1] * fx) * (1 - fy) +
         (row1[ix] * (1 - fx) + row1[ix + 1] * fx) * fy;
}

/* A photo-like ground: a few octaves of coloured value noise and grain,
 * kept light (or dark) enough for the text drawn on it. */
static cairo_surface_t *
noise_image (const Page *page,
             GRand      *rand)
{
  int                 w = page->width_pt > 1000 ? 340 : 250;
  int                 h = (int) lround (w * page->height_pt / page->width_pt);
  cairo_surface_t    *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  static const int    octaves[] = { 3, 7, 16, 40 };
  static const double amplitude[] = { 0.45, 0.3, 0.18, 0.12 };
  double             *grids[G_N_ELEMENTS (octaves)][3];
  gboolean            dark = dark_ground (page);
  guint8             *data;
  int                 stride;

  for (guint o = 0; o < G_N_ELEMENTS (octaves); o++)
    for (guint c = 0; c < 3; c++)
      {
        gsize n = (gsize) (octaves[o] + 1) * (octaves[o] + 1);

        grids[o][c] = g_new (double, n);
        for (gsize i = 0; i < n; i++)
          grids[o][c][i] = g_rand_double (rand);
      }

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 *px = (guint32 *) (data + (gsize) y * stride) + x;
        double   u = (x + 0.5) / w, v = (y + 0.5) / h;
        double   grain = g_rand_double_range (rand, -1, 1) * 0.06;
        guint32  rgb = 0;

        for (guint c = 0; c < 3; c++)
          {
            double t = 0;

            for (guint o = 0; o < G_N_ELEMENTS (octaves); o++)
              t += amplitude[o] * value_noise (grids[o][c], octaves[o], u, v);
            t = CLAMP (t / 1.05 + grain, 0, 1);
            /* Light grounds 150–255, dark ones 0–100. */
            t = dark ? 100 * t : 150 + 105 * t;
            rgb = (rgb << 8) | (guint32) CLAMP (lround (t), 0, 255);
          }
        *px = rgb;
      }
  cairo_surface_mark_dirty (image);

  for (guint o = 0; o < G_N_ELEMENTS (octaves); o++)
    for (guint c = 0; c < 3; c++)
      g_free (grids[o][c]);
  return image;
}

static void
draw_background (cairo_t    *cr,
                 const Page *page,
                 GRand      *rand)
{
  gboolean dark = dark_ground (page);

  switch (page->lines[0].levels[EYL_STRESS_BACKGROUND])
    {
    case BACKGROUND_PLAIN:
      set_rgb (cr, dark ? 0x14213d : (page->index % 2 ? 0xffffff : 0xf4efe6));
      cairo_paint (cr);
      break;
    case BACKGROUND_GRADIENT:
      {
        cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 0.4 * page->width_pt,
                                                                 page->height_pt);

        if (dark)
          {
            cairo_pattern_add_color_stop_rgb (gradient, 0, 0.04, 0.15, 0.27);
            cairo_pattern_add_color_stop_rgb (gradient, 1, 0.29, 0.44, 0.65);
          }
        else
          {
            cairo_pattern_add_color_stop_rgb (gradient, 0, 1, 1, 1);
            cairo_pattern_add_color_stop_rgb (gradient, 1, 0.66, 0.78, 0.91);
          }
        cairo_set_source (cr, gradient);
        cairo_paint (cr);
        cairo_pattern_destroy (gradient);
      }
      break;
    case BACKGROUND_NOISE:
    default:
      {
        cairo_surface_t *image = noise_image (page, rand);

        cairo_save (cr);
        cairo_scale (cr, page->width_pt / cairo_image_surface_get_width (image),
                     page->height_pt / cairo_image_surface_get_height (image));
        cairo_set_source_surface (cr, image, 0, 0);
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
        cairo_paint (cr);
        cairo_restore (cr);
        cairo_surface_destroy (image);
      }
      break;
    }
}

/* Draws @layout with its ink's top-left corner at @x, @y: as live text,
 * or as outlines (what "create outlines" leaves of it). */
static void
draw_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             gboolean     outlined)
{
  EylRect ink;

  ink_extents (layout, &ink);
  cairo_move_to (cr, x - ink.x0, y - ink.y0);
  if (outlined)
    {
      pango_cairo_layout_path (cr, layout);
      cairo_fill (cr);
    }
  else
    pango_cairo_show_layout (cr, layout);
}

/* A pictogram of @size pt at @x, @y (top-left) for @contact: a globe, an
 * envelope, a handset, a camera-like square. */
static void
draw_icon (cairo_t *cr,
           guint    contact,
           double   x,
           double   y,
           double   size)
{
  double s = size, lw = MAX (0.12 * s, 0.3);

  cairo_save (cr);
  cairo_set_line_width (cr, lw);
  cairo_new_path (cr);
  switch (contact)
    {
    case 0: /* globe */
      cairo_arc (cr, x + s / 2, y + s / 2, s / 2 - lw / 2, 0, 2 * G_PI);
      cairo_move_to (cr, x, y + s / 2);
      cairo_line_to (cr, x + s, y + s / 2);
      cairo_move_to (cr, x + s / 2, y);
      cairo_curve_to (cr, x + 0.1 * s, y + 0.3 * s, x + 0.1 * s, y + 0.7 * s, x + s / 2, y + s);
      cairo_move_to (cr, x + s / 2, y);
      cairo_curve_to (cr, x + 0.9 * s, y + 0.3 * s, x + 0.9 * s, y + 0.7 * s, x + s / 2, y + s);
      cairo_stroke (cr);
      break;
    case 1: /* envelope */
      cairo_rectangle (cr, x + lw / 2, y + 0.15 * s, s - lw, 0.7 * s);
      cairo_move_to (cr, x + lw / 2, y + 0.15 * s);
      cairo_line_to (cr, x + s / 2, y + 0.55 * s);
      cairo_line_to (cr, x + s - lw / 2, y + 0.15 * s);
      cairo_stroke (cr);
      break;
    case 2: /* handset */
      cairo_move_to (cr, x + 0.1 * s, y + 0.1 * s);
      cairo_line_to (cr, x + 0.35 * s, y);
      cairo_line_to (cr, x + 0.45 * s, y + 0.3 * s);
      cairo_line_to (cr, x + 0.3 * s, y + 0.4 * s);
      cairo_curve_to (cr, x + 0.4 * s, y + 0.6 * s, x + 0.45 * s, y + 0.65 * s, x + 0.6 * s, y + 0.7 * s);
      cairo_line_to (cr, x + 0.7 * s, y + 0.55 * s);
      cairo_line_to (cr, x + s, y + 0.65 * s);
      cairo_line_to (cr, x + 0.9 * s, y + 0.9 * s);
      cairo_curve_to (cr, x + 0.4 * s, y + s, x, y + 0.6 * s, x + 0.1 * s, y + 0.1 * s);
      cairo_fill (cr);
      break;
    case 3: /* camera: a rounded square, a ring, a dot */
    default:
      cairo_rectangle (cr, x + lw / 2, y + lw / 2, s - lw, s - lw);
      cairo_stroke (cr);
      cairo_arc (cr, x + s / 2, y + s / 2, 0.22 * s, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, x + 0.78 * s, y + 0.22 * s, 0.06 * s, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    }
  cairo_restore (cr);
}

/* A round logo mark of @size pt at @x, @y (top-left): a ring open at the
 * right with a dot inside, the kind of mark OCR takes for an '@'. */
static void
draw_mark (cairo_t *cr,
           double   x,
           double   y,
           double   size)
{
  double r = size / 2, cx = x + r, cy = y + r;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, 0.2 * size);
  cairo_arc (cr, cx, cy, r - 0.1 * size, 0.35 * G_PI, 1.9 * G_PI);
  cairo_stroke (cr);
  cairo_arc (cr, cx + 0.05 * size, cy + 0.05 * size, 0.2 * size, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* A QR-code-like block of 25 modules: three finder patterns and random
 * modules (it need not decode: it is ink beside the line). */
static void
draw_qr (cairo_t *cr,
         double   x,
         double   y,
         double   size,
         GRand   *rand)
{
  const int n = 25;
  double    m = size / n;

  for (int j = 0; j < n; j++)
    for (int i = 0; i < n; i++)
      {
        gboolean finder = FALSE, on;

        for (int f = 0; f < 3; f++)
          {
            int fx = f == 1 ? n - 7 : 0, fy = f == 2 ? n - 7 : 0;
            int dx = i - fx, dy = j - fy;

            if (dx >= -1 && dx <= 7 && dy >= -1 && dy <= 7)
              {
                int r = MAX (ABS (dx - 3), ABS (dy - 3));

                finder = TRUE;
                on = r != 2 && r != 4;
              }
          }
        if (!finder)
          on = g_rand_boolean (rand);
        if (on)
          cairo_rectangle (cr, x + i * m, y + j * m, m, m);
      }
  cairo_fill (cr);
}

/* @text in DejaVu Sans Bold with capitals @cap pt tall; its ink in @ink. */
static PangoLayout *
bold_sans (cairo_t       *cr,
           const Metrics *metrics,
           double         cap,
           const char    *text,
           EylRect       *ink)
{
  PangoLayout *layout = make_layout (cr, "DejaVu Sans", PANGO_WEIGHT_BOLD,
                                     cap / metrics->cap_ratio[0][1], text);

  ink_extents (layout, ink);
  return layout;
}

typedef struct
{
  PangoLayout *layout;
  EylRect      ink;    /* relative to its origin */
  double       beside; /* width of the icon or QR code and its gap */
  double       beside_size;
  double       height; /* of the block: text or what is beside it */
} Block;

/* The text of @page and its other text; the PDF at @path. */
static gboolean
draw_page (Page          *page,
           const Metrics *metrics,
           const char    *path,
           GError       **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, page->width_pt, page->height_pt);
  cairo_t         *cr = cairo_create (surface);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1000 + page->index);
  double         w = page->width_pt, h = page->height_pt, margin = 0.04 * w;
  Block          blocks[LINES_PER_PAGE];
  double         slot_top[3], slot_bottom[3], slot_height[3] = { 0, 0, 0 };
  guint          other = page->lines[0].levels[EYL_STRESS_OTHER_TEXT];
  cairo_status_t status;

  draw_background (cr, page, rand);

  for (guint l = 0; l < LINES_PER_PAGE; l++)
    {
      Line  *line = &page->lines[l];
      guint  f = line->levels[EYL_STRESS_FONT], wt = line->levels[EYL_STRESS_WEIGHT];
      double size = line->cap_pt / metrics->cap_ratio[f][wt];
      Block *b = &blocks[l];

      b->layout = make_layout (cr, fonts[f].family, weights[wt], size, line->text);
      ink_extents (b->layout, &b->ink);
      b->beside_size = 0;
      if (line->levels[EYL_STRESS_BESIDE] == BESIDE_ICON)
        b->beside_size = 1.3 * line->cap_pt;
      else if (line->levels[EYL_STRESS_BESIDE] == BESIDE_QR)
        b->beside_size = 3.5 * line->cap_pt;
      b->beside = b->beside_size > 0 ? b->beside_size + 0.7 * line->cap_pt : 0;
      b->height = MAX (b->ink.y1 - b->ink.y0, b->beside_size);
      slot_height[line->levels[EYL_STRESS_POSITION]] += b->height + line->cap_pt;
    }

  /* Top from 3 % down, bottom up to 97 %, middle centred. */
  slot_top[POSITION_TOP] = 0.03 * h;
  slot_top[POSITION_MIDDLE] = 0.5 * h - slot_height[POSITION_MIDDLE] / 2;
  slot_top[POSITION_BOTTOM] = 0.97 * h - slot_height[POSITION_BOTTOM];
  for (guint s = 0; s < 3; s++)
    slot_bottom[s] = slot_top[s];

  for (guint l = 0; l < LINES_PER_PAGE; l++)
    {
      Line  *line = &page->lines[l];
      Block *b = &blocks[l];
      guint  s = line->levels[EYL_STRESS_POSITION];
      double tw = b->ink.x1 - b->ink.x0, th = b->ink.y1 - b->ink.y0;
      double x, y = slot_bottom[s] + (b->height - th) / 2;

      switch (line->levels[EYL_STRESS_ALIGN])
        {
        case ALIGN_LEFT:
          x = margin + b->beside;
          break;
        case ALIGN_CENTRE:
          x = (w - b->beside - tw) / 2 + b->beside;
          break;
        case ALIGN_RIGHT:
        default:
          x = w - margin - tw;
          break;
        }
      if (x - b->beside < 0.5 * margin || x + tw > w - 0.5 * margin)
        g_warning ("stress page %u: line %u does not fit (%.0f pt of %.0f)", page->index, l,
                   tw + b->beside, w);

      set_rgb (cr, text_colour (page, l));
      if (line->levels[EYL_STRESS_BESIDE] == BESIDE_ICON)
        draw_icon (cr, l, x - b->beside, slot_bottom[s] + (b->height - b->beside_size) / 2,
                   b->beside_size);
      else if (line->levels[EYL_STRESS_BESIDE] == BESIDE_QR)
        draw_qr (cr, x - b->beside, slot_bottom[s] + (b->height - b->beside_size) / 2,
                 b->beside_size, rand);
      draw_layout (cr, b->layout, x, y, line->levels[EYL_STRESS_DRAWN] == 1);
      line->box = (EylRect) { x, y, x + tw, y + th };
      slot_bottom[s] += b->height + line->cap_pt;
      g_object_unref (b->layout);
    }

  /* Other text in the gaps: a headline between the top and the middle,
   * a paragraph between the middle and the bottom, fine print under it
   * all. */
  if (other != OTHER_NONE)
    {
      gboolean     outlined = other == OTHER_OUTLINED;
      double       px = 1.0 / page->design_px_per_pt; /* pt per raster px */
      double       gap_top = slot_top[POSITION_MIDDLE] - slot_bottom[POSITION_TOP];
      double       gap_low = slot_top[POSITION_BOTTOM] - slot_bottom[POSITION_MIDDLE];
      double       cap, size;
      PangoLayout *layout;
      EylRect      ink;

      set_rgb (cr, text_colour (page, 0));
      cap = MIN (0.3 * gap_top, 60 * px);
      if (cap >= 10 * px)
        {
          const char *headline = headlines[page->index % G_N_ELEMENTS (headlines)];

          layout = bold_sans (cr, metrics, cap, headline, &ink);
          if (ink.x1 - ink.x0 > w - 2 * margin)
            {
              g_object_unref (layout);
              layout = bold_sans (cr, metrics, cap * (w - 2 * margin) / (ink.x1 - ink.x0),
                                  headline, &ink);
            }
          draw_layout (cr, layout, margin,
                       slot_bottom[POSITION_TOP] + (gap_top - (ink.y1 - ink.y0)) / 2, outlined);
          g_object_unref (layout);
        }

      cap = MIN (gap_low / (G_N_ELEMENTS (body) * 2.6), 14 * px);
      if (cap >= 6 * px)
        {
          double y = slot_bottom[POSITION_MIDDLE] +
                     (gap_low - G_N_ELEMENTS (body) * 2.2 * cap) / 2;

          size = cap / metrics->cap_ratio[1][0];
          for (guint i = 0; i < G_N_ELEMENTS (body); i++)
            {
              layout = make_layout (cr, "DejaVu Serif", PANGO_WEIGHT_NORMAL, size, body[i]);
              draw_layout (cr, layout, margin, y + i * 2.2 * cap, outlined);
              g_object_unref (layout);
            }
        }

      /* A lock-up at the right, under the middle: a round mark and the
       * brand's name, which OCR may read as a handle ("@agens"). */
      cap = MIN (20 * px, 0.3 * gap_low);
      if (cap >= 10 * px)
        {
          layout = bold_sans (cr, metrics, cap, lockups[page->index % G_N_ELEMENTS (lockups)],
                              &ink);
          draw_mark (cr, w - margin - (ink.x1 - ink.x0) - 1.8 * cap,
                     slot_bottom[POSITION_MIDDLE] + 0.1 * gap_low - 0.15 * cap, 1.4 * cap);
          draw_layout (cr, layout, w - margin - (ink.x1 - ink.x0),
                       slot_bottom[POSITION_MIDDLE] + 0.1 * gap_low, outlined);
          g_object_unref (layout);
        }

      cap = 7 * px;
      if (slot_bottom[POSITION_BOTTOM] < 0.975 * h)
        {
          size = cap / metrics->cap_ratio[0][0];
          layout = make_layout (cr, "DejaVu Sans", PANGO_WEIGHT_NORMAL, size, fine_print);
          draw_layout (cr, layout, margin, 0.985 * h, outlined);
          g_object_unref (layout);
        }
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Analysis and matching */

static EylElementKind
contact_kind (guint contact)
{
  static const EylElementKind kinds[] = {
    EYL_ELEMENT_URL,
    EYL_ELEMENT_EMAIL,
    EYL_ELEMENT_PHONE,
    EYL_ELEMENT_SOCIAL,
  };

  return kinds[contact];
}

static gboolean
centre_in (const EylRect *a,
           const EylRect *b)
{
  return eyl_rect_contains_point (b, 0.5 * (a->x0 + a->x1), 0.5 * (a->y0 + a->y1));
}

/* Letters and digits only, lower case: "+44 20 7946" and "+44 207946"
 * read alike; so do an address in capitals and in lower case. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalnum (ch) || ch == '@' || ch == '.')
        g_string_append_unichar (out, g_unichar_tolower (ch));
    }
  return g_string_free (out, FALSE);
}

static void
match_page (Page            *page,
            EylPageAnalysis *analysis)
{
  double px_per_pt = analysis->raster_px_per_mm * EYL_MM_PER_PT;

  page->spurious_text = g_string_new (NULL);
  for (guint l = 0; l < LINES_PER_PAGE; l++)
    {
      Line          *line = &page->lines[l];
      EylElementKind want = contact_kind (line->levels[EYL_STRESS_CONTACT]);
      /* Half a capital of slack around the ink. */
      EylRect near = { line->box.x0 - line->cap_pt / 2, line->box.y0 - line->cap_pt / 2,
                       line->box.x1 + line->cap_pt / 2, line->box.y1 + line->cap_pt / 2 };

      line->cap_px = line->cap_pt * px_per_pt;
      for (guint i = 0; i < analysis->elements->len; i++)
        {
          const EylElement *e = g_ptr_array_index (analysis->elements, i);

          if (!centre_in (&e->box, &near) && !centre_in (&line->box, &e->box))
            continue;
          if (e->kind == want && !line->found)
            {
              g_autofree char *a = squeeze (e->text);
              g_autofree char *b = squeeze (line->text);

              line->found = TRUE;
              /* A web address is normalised ("https://" dropped, …):
               * the drawn one need only contain what was read. */
              line->exact = g_str_equal (a, b) || (want == EYL_ELEMENT_URL && strstr (b, a) != NULL);
              g_free (line->read);
              line->read = g_strdup_printf ("%s %s \"%s\"", eyl_source_to_string (e->source),
                                            eyl_element_kind_to_string (e->kind), e->text);
            }
          else if (!line->found && line->read == NULL)
            line->read = g_strdup_printf ("%s %s \"%s\"", eyl_source_to_string (e->source),
                                          eyl_element_kind_to_string (e->kind), e->text);
        }
    }

  /* Contacts read where none was drawn. */
  for (guint i = 0; i < analysis->elements->len; i++)
    {
      const EylElement *e = g_ptr_array_index (analysis->elements, i);
      gboolean          drawn = FALSE;

      if (e->source != EYL_SOURCE_OCR || !eyl_element_kind_is_contact (e->kind))
        continue;
      for (guint l = 0; l < LINES_PER_PAGE && !drawn; l++)
        {
          const EylRect *box = &page->lines[l].box;
          double         c = page->lines[l].cap_pt;
          EylRect        near = { box->x0 - c, box->y0 - c, box->x1 + c, box->y1 + c };

          drawn = centre_in (&e->box, &near) || centre_in (box, &e->box);
        }
      if (drawn)
        continue;
      page->spurious++;
      g_string_append_printf (page->spurious_text, " %s \"%s\"",
                              eyl_element_kind_to_string (e->kind), e->text);
    }
}

static void
analyse_page (Page         *page,
              EylStressSet *set)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(EylPageData) data = NULL;
  g_autoptr(EylPageAnalysis) analysis = NULL;
  g_autofree char   *name = g_strdup_printf ("stress-%03u.pdf", page->index);
  EylAnalysisOptions options;
  EylRenderer        renderer;

  page->path = g_build_filename (set->dir, name, NULL);
  if (!draw_page (page, &set->metrics, page->path, &error) ||
      (doc = eyl_document_open (page->path, NULL, NULL, &error)) == NULL ||
      (data = eyl_document_get_page_data (doc, 0, NULL, &error)) == NULL)
    {
      page->error = g_strdup (error->message);
      return;
    }

  eyl_analysis_options_init (&options);
  options.pixels.logos = FALSE;
  options.raster_px_per_mm = set->px_per_mm;
  eyl_renderer_init (&renderer);
  renderer.px_per_mm = set->px_per_mm;
  if (!eyl_document_get_renderer (doc, 0, &renderer))
    {
      page->error = g_strdup ("no renderer");
      return;
    }
  analysis = eyl_analyse_page_full (data, &renderer, &options);
  match_page (page, analysis);
}

static void
run_one (gpointer data,
         gpointer user_data)
{
  analyse_page (data, user_data);
}

gboolean
eyl_stress_set_run (EylStressSet *set,
                    const char   *dir,
                    double        px_per_mm,
                    guint         threads,
                    GError      **error)
{
  GThreadPool *pool;
  gint64       start = g_get_monotonic_time ();

  set->dir = dir;
  set->px_per_mm = px_per_mm;
  set->threads = MAX (threads, 1);
  for (guint p = 0; p < set->pages->len; p++)
    page_clear_results (&g_array_index (set->pages, Page, p));

  pool = g_thread_pool_new (run_one, set, (int) set->threads, TRUE, error);
  if (pool == NULL)
    return FALSE;
  for (guint p = 0; p < set->pages->len; p++)
    g_thread_pool_push (pool, &g_array_index (set->pages, Page, p), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
  set->seconds = (g_get_monotonic_time () - start) / 1e6;

  for (guint p = 0; p < set->pages->len; p++)
    {
      Page *page = &g_array_index (set->pages, Page, p);

      if (page->error != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stress page %u: %s", p, page->error);
          return FALSE;
        }
    }
  return TRUE;
}

/* @cap_px is @min_cap_px or more, give or take the rounding of the
 * raster's size to whole pixels (a 12 px design may measure 11.99). */
static gboolean
at_least (double cap_px,
          double min_cap_px)
{
  return cap_px >= min_cap_px - 0.05;
}

void
eyl_stress_set_recall (EylStressSet *set,
                       double        min_cap_px,
                       guint        *n_found,
                       guint        *n_lines)
{
  guint found = 0, lines = 0;

  for (guint p = 0; p < set->pages->len; p++)
    for (guint l = 0; l < LINES_PER_PAGE; l++)
      {
        const Line *line = &g_array_index (set->pages, Page, p).lines[l];

        if (!at_least (line->cap_px, min_cap_px))
          continue;
        lines++;
        found += line->found;
      }
  *n_found = found;
  *n_lines = lines;
}

guint
eyl_stress_set_spurious (EylStressSet *set)
{
  guint n = 0;

  for (guint p = 0; p < set->pages->len; p++)
    n += g_array_index (set->pages, Page, p).spurious;
  return n;
}

/* ------------------------------------------------------------------ */
/* The table */

static void
append_ratio (GString *out,
              guint    found,
              guint    n)
{
  g_autofree char *ratio = g_strdup_printf ("%u/%u", found, n);

  if (n == 0)
    g_string_append_printf (out, "  %9s  %7s", "-", "");
  else
    g_string_append_printf (out, "  %9s  %5.1f %%", ratio, 100.0 * found / n);
}

char *
eyl_stress_set_table (EylStressSet *set,
                      double        min_cap_px,
                      gboolean      misses)
{
  GString         *out = g_string_new (NULL);
  g_autofree char *caps_column = g_strdup_printf ("caps>=%g", min_cap_px);
  guint            found, n, found_big, n_big, exact = 0;

  eyl_stress_set_recall (set, 0, &found, &n);
  eyl_stress_set_recall (set, min_cap_px, &found_big, &n_big);
  for (guint p = 0; p < set->pages->len; p++)
    for (guint l = 0; l < LINES_PER_PAGE; l++)
      exact += g_array_index (set->pages, Page, p).lines[l].exact;

  g_string_append_printf (out, "OCR stress set: %u contact lines on %u pages, analysis raster "
                               "%g px/mm, %u at a time, %.0f s\n",
                          n, set->pages->len, set->px_per_mm, set->threads, set->seconds);
  if (set->notes->len > 0)
    g_string_append (out, set->notes->str);
  g_string_append_printf (out, "found %u of %u (%.1f %%), read exactly %u; capitals of %g px "
                               "or more: %u of %u (%.1f %%); OCR contacts where none was drawn: %u\n\n",
                          found, n, n ? 100.0 * found / n : 0, exact, min_cap_px, found_big,
                          n_big, n_big ? 100.0 * found_big / n_big : 0,
                          eyl_stress_set_spurious (set));
  g_string_append_printf (out, "%-11s %-18s  %9s  %7s  %9s  %7s\n", "condition", "level",
                          "found", "recall", caps_column, "recall");
  for (guint f = 0; f < EYL_STRESS_N_FACTORS; f++)
    {
      gboolean first = TRUE;

      for (guint v = 0; v < n_levels[f]; v++)
        {
          guint k = 0, m = 0, kb = 0, mb = 0;

          for (guint p = 0; p < set->pages->len; p++)
            for (guint l = 0; l < LINES_PER_PAGE; l++)
              {
                const Line *line = &g_array_index (set->pages, Page, p).lines[l];

                if (line->levels[f] != v)
                  continue;
                m++;
                k += line->found;
                if (at_least (line->cap_px, min_cap_px))
                  {
                    mb++;
                    kb += line->found;
                  }
              }
          if (m == 0)
            continue;
          g_string_append_printf (out, "%-11s %-18s", first ? factor_names[f] : "",
                                  level_name (f, v));
          first = FALSE;
          append_ratio (out, k, m);
          append_ratio (out, kb, mb);
          g_string_append_c (out, '\n');
        }
    }

  if (misses)
    {
      for (guint p = 0; p < set->pages->len; p++)
        {
          const Page *page = &g_array_index (set->pages, Page, p);

          for (guint l = 0; l < LINES_PER_PAGE; l++)
            {
              const Line *line = &page->lines[l];

              if (line->found)
                continue;
              g_string_append_printf (out, "MISSED page %u: \"%s\" (%.1f px caps;", page->index,
                                      line->text, line->cap_px);
              for (guint f = 1; f < EYL_STRESS_N_FACTORS; f++)
                if (f != EYL_STRESS_SIZE)
                  g_string_append_printf (out, " %s", level_name (f, line->levels[f]));
              g_string_append_printf (out, "); there: %s\n",
                                      line->read != NULL ? line->read : "nothing");
            }
          if (page->spurious > 0)
            g_string_append_printf (out, "SPURIOUS page %u:%s\n", page->index, page->spurious_text->str);
        }
    }
  return g_string_free (out, FALSE);
}

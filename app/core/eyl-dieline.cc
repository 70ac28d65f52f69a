/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-dieline.cc: stroked paths in dieline layers and spot colours,
 * read with libqpdf's content-stream parser (its C API has none).
 *
 * qpdf tokenises the page's content streams (and those of the form
 * XObjects it draws) and hands each operand and operator to the
 * callbacks below; they follow only what a dieline needs: the graphics
 * state stack and the matrix, the stroking colour space, the optional
 * content of marked-content sequences and forms, and the path operators. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-dieline"
#include <map>
#include <set>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "eyl-dieline.h"
#include "eyl-error.h"
#include "eyl-pdf-content.hh"
#include "eyl-resource.h"

#define NAMES_RESOURCE "/io/github/eyeline/Eyeline/dielines/names.ini"

/* Form XObjects drawn inside forms: deeper is a loop or a bomb. */
#define MAX_FORM_DEPTH 12
/* Straight pieces a Bézier curve becomes. */
#define CURVE_STEPS    8

double
eyl_dieline_length (const EylDieline *dieline,
                    EylDielineKind    kind)
{
  double length = 0;

  for (guint i = 0; dieline != NULL && i < dieline->groups->len; i++)
    {
      const EylDielineGroup *g = &g_array_index (dieline->groups, EylDielineGroup, i);

      if (g->kind == kind)
        length += g->length_pt;
    }
  return length;
}

/* "Cut-Contour 2" and "cutcontour" are one name: case folded, letters
 * and digits only, a trailing number dropped. */
static char *
normalise_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (key, g_utf8_get_char (p));
  while (key->len > 0 && g_ascii_isdigit (key->str[key->len - 1]))
    g_string_truncate (key, key->len - 1);
  return g_string_free (key, FALSE);
}

static void
load_names (GHashTable *table,
            GKeyFile   *file)
{
  for (int k = 0; k < EYL_N_DIELINE_KINDS; k++)
    {
      g_auto(GStrv) names = g_key_file_get_string_list (file, eyl_dieline_kind_to_string ((EylDielineKind) k), "names", NULL,
                                                        NULL);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          char *key = normalise_name (names[i]);

          if (key[0] != '\0')
            g_hash_table_replace (table, key, GINT_TO_POINTER (k + 1));
          else
            g_free (key);
        }
    }
}

static GHashTable *
names_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (eyl_core_resource (),
                                                        NAMES_RESOURCE,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GKeyFile) bundled = g_key_file_new ();
      g_autoptr(GKeyFile) user = g_key_file_new ();
      g_autofree char *user_path = g_build_filename (g_get_user_config_dir (), "eyeline",
                                                     "dieline-names.ini", NULL);

      if (bytes != NULL &&
          g_key_file_load_from_bytes (bundled, bytes, G_KEY_FILE_NONE, NULL))
        load_names (t, bundled);
      if (g_key_file_load_from_file (user, user_path, G_KEY_FILE_NONE, NULL))
        load_names (t, user);
      g_once_init_leave (&table, t);
    }
  return table;
}

gboolean
eyl_dieline_kind_for_name (const char     *name,
                           EylDielineKind *kind)
{
  g_autofree char *key = NULL;
  gpointer value;

  if (name == NULL)
    return FALSE;
  key = normalise_name (name);
  value = g_hash_table_lookup (names_table (), key);
  if (value == NULL)
    return FALSE;
  if (kind != NULL)
    *kind = (EylDielineKind) (GPOINTER_TO_INT (value) - 1);
  return TRUE;
}

namespace {

using eyl::Matrix;
using eyl::read_matrix;

static std::string
name_text (QPDFObjectHandle h)
{
  if (h.isName ())
    return h.getName ().substr (1);
  if (h.isString ())
    return h.getUTF8Value ();
  return std::string ();
}

/* The sheet's lines, shared by the page and its forms. */
struct Output
{
  std::vector<EylDielineGroup>       groups;
  std::map<std::string, int>         index;      /* "L:name" / "S:name" → group */
  std::vector<EylDielineSegment>     segments;   /* default user space */
  std::vector<EylDielineSegment>     strokes;    /* every other stroked line */

  int
  group (const std::string &name,
         bool               layer,
         bool               iso,
         EylDielineKind     kind)
  {
    std::string key = (layer ? "L:" : "S:") + name;
    auto it = index.find (key);

    if (it != index.end ())
      return it->second;

    EylDielineGroup g = { g_strdup (name.c_str ()), iso, layer, FALSE, kind, 0.0 };
    groups.push_back (g);
    index[key] = (int) groups.size () - 1;
    return (int) groups.size () - 1;
  }
};

static bool
step_kind (const std::string &type,
           EylDielineKind    &kind)
{
  /* ISO 19593-1 processing step types of the Structural group. */
  static const std::map<std::string, EylDielineKind> types = {
    { "Cutting", EYL_DIELINE_CUT },
    { "PartialCutting", EYL_DIELINE_CUT },
    { "CuttingCreasing", EYL_DIELINE_CUT },
    { "Creasing", EYL_DIELINE_CREASE },
    { "ReverseCreasing", EYL_DIELINE_CREASE },
    { "Perforating", EYL_DIELINE_PERFORATION },
    { "Gluing", EYL_DIELINE_GLUE },
    { "Bleed", EYL_DIELINE_BLEED },
  };
  auto it = types.find (type);

  if (it == types.end ())
    return false;
  kind = it->second;
  return true;
}

/* The group of an optional content group (or membership dictionary),
 * -1 when it holds no dieline. */
static int
ocg_group (Output          &out,
           QPDFObjectHandle oc)
{
  if (!oc.isDictionary ())
    return -1;
  if (oc.getKey ("/Type").isNameAndEquals ("/OCMD"))
    {
      QPDFObjectHandle ocgs = oc.getKey ("/OCGs");

      if (ocgs.isArray () && ocgs.getArrayNItems () > 0)
        ocgs = ocgs.getArrayItem (0);
      return ocgs.isDictionary () && !ocgs.getKey ("/Type").isNameAndEquals ("/OCMD")
             ? ocg_group (out, ocgs) : -1;
    }

  std::string name = name_text (oc.getKey ("/Name"));
  QPDFObjectHandle meta = oc.getKey ("/GTS_Metadata");
  EylDielineKind kind;

  if (meta.isDictionary ())
    {
      std::string group = name_text (meta.getKey ("/GTS_ProcStepsGroup"));
      std::string type = name_text (meta.getKey ("/GTS_ProcStepsType"));

      if (step_kind (type, kind))
        return out.group (name.empty () ? type : name, true, true, kind);
      if (group == "Structural")
        return out.group (name.empty () ? group : name, true, true, EYL_DIELINE_OTHER);
      /* Legends, dimensions, Braille, white ink: not structure. */
      return -1;
    }
  if (!name.empty () && eyl_dieline_kind_for_name (name.c_str (), &kind))
    return out.group (name, true, false, kind);
  return -1;
}

class Parser : public eyl::OperatorParser
{
public:
  Parser (Output          &out,
          QPDFObjectHandle resources,
          const Matrix    &ctm,
          int              oc_group,
          int              depth)
    : OperatorParser (resources), out (out), depth (depth)
  {
    State s;

    s.ctm = ctm;
    states.push_back (s);
    marked.push_back (oc_group);
  }

private:
  struct State
  {
    Matrix ctm;
    int    spot = -1;   /* group of the stroking spot colour */
  };

  Output                        &out;
  int                            depth;
  std::vector<State>             states;
  std::vector<int>               marked;     /* OC group of each marked sequence, or -1 */
  std::vector<double>            path;       /* x0 y0 x1 y1 … in default user space */
  double cx = 0, cy = 0, sx = 0, sy = 0;     /* current point, subpath start (user) */

  void
  line_to (double x, double y)
  {
    double ax, ay, bx, by;
    const Matrix &m = states.back ().ctm;

    m.apply (cx, cy, ax, ay);
    m.apply (x, y, bx, by);
    if (std::isfinite (ax) && std::isfinite (ay) && std::isfinite (bx) && std::isfinite (by))
      path.insert (path.end (), { ax, ay, bx, by });
    cx = x;
    cy = y;
  }

  void
  curve_to (double x1, double y1, double x2, double y2, double x3, double y3)
  {
    double x0 = cx, y0 = cy;

    for (int i = 1; i <= CURVE_STEPS; i++)
      {
        double t = (double) i / CURVE_STEPS, u = 1 - t;

        line_to (u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
                 u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3);
      }
  }

  /* The innermost layer that holds a dieline, else the spot colour. */
  int
  current_group () const
  {
    int layer = current_group_layer ();

    return layer >= 0 ? layer : states.back ().spot;
  }

  void
  paint (bool stroke)
  {
    int group = stroke ? current_group () : -1;

    for (size_t i = 0; stroke && i + 3 < path.size (); i += 4)
      (group >= 0 ? out.segments : out.strokes).push_back ({ path[i], path[i + 1], path[i + 2],
                                                             path[i + 3],
                                                             (guint) MAX (group, 0) });
    path.clear ();
  }

  void
  set_stroke_space ()
  {
    QPDFObjectHandle cs = resource ("/ColorSpace", 0);
    State &s = states.back ();

    s.spot = -1;
    if (!cs.isArray () || cs.getArrayNItems () < 2)
      return;

    std::string family = name_text (cs.getArrayItem (0));
    std::string name;
    EylDielineKind kind;

    if (family == "Separation")
      name = name_text (cs.getArrayItem (1));
    else if (family == "DeviceN")
      {
        QPDFObjectHandle names = cs.getArrayItem (1);

        /* One colorant (besides None) is a spot colour in all but name. */
        for (int i = 0; names.isArray () && i < names.getArrayNItems (); i++)
          {
            std::string n = name_text (names.getArrayItem (i));

            if (n == "None")
              continue;
            if (!name.empty ())
              return;
            name = n;
          }
      }
    if (!name.empty () && eyl_dieline_kind_for_name (name.c_str (), &kind))
      s.spot = out.group (name, false, false, kind);
  }

  void
  draw_form ()
  {
    QPDFObjectHandle form = resource ("/XObject", 0);
    Matrix m;

    if (depth >= MAX_FORM_DEPTH || !form.isStream ())
      return;
    QPDFObjectHandle dict = form.getDict ();
    if (!dict.getKey ("/Subtype").isNameAndEquals ("/Form"))
      return;
    read_matrix (dict.getKey ("/Matrix"), m);

    QPDFObjectHandle own = dict.getKey ("/Resources");
    int oc = dict.hasKey ("/OC") ? ocg_group (out, dict.getKey ("/OC")) : -1;
    Parser child (out, own.isDictionary () ? own : resources, m.then (states.back ().ctm),
                  oc >= 0 ? oc : current_group_layer (), depth + 1);

    child.states.back ().spot = states.back ().spot;
    form.parseAsContents (&child);
  }

  int
  current_group_layer () const
  {
    for (auto it = marked.rbegin (); it != marked.rend (); ++it)
      if (*it >= 0)
        return *it;
    return -1;
  }

  void
  run (const std::string &op) override
  {
    if (op == "q")
      states.push_back (states.back ());
    else if (op == "Q")
      {
        if (states.size () > 1)
          states.pop_back ();
      }
    else if (op == "cm")
      {
        Matrix m;

        if (operand_matrix (m))
          states.back ().ctm = m.then (states.back ().ctm);
      }
    else if (op == "CS")
      set_stroke_space ();
    else if (op == "G" || op == "RG" || op == "K")
      states.back ().spot = -1;
    else if (op == "BDC")
      {
        int group = -1;

        if (operands.size () >= 2 && operands[0].isNameAndEquals ("/OC"))
          {
            QPDFObjectHandle props = operands[1];

            if (props.isName ())
              props = resource ("/Properties", 1);
            group = ocg_group (out, props);
          }
        marked.push_back (group);
      }
    else if (op == "BMC")
      marked.push_back (-1);
    else if (op == "EMC")
      {
        if (marked.size () > 1)
          marked.pop_back ();
      }
    else if (op == "m")
      {
        cx = sx = num (0);
        cy = sy = num (1);
      }
    else if (op == "l")
      line_to (num (0), num (1));
    else if (op == "c")
      curve_to (num (0), num (1), num (2), num (3), num (4), num (5));
    else if (op == "v")
      curve_to (cx, cy, num (0), num (1), num (2), num (3));
    else if (op == "y")
      curve_to (num (0), num (1), num (2), num (3), num (2), num (3));
    else if (op == "h")
      line_to (sx, sy);
    else if (op == "re")
      {
        double x = num (0), y = num (1), w = num (2), h = num (3);

        cx = sx = x;
        cy = sy = y;
        line_to (x + w, y);
        line_to (x + w, y + h);
        line_to (x, y + h);
        line_to (x, y);
      }
    else if (op == "S" || op == "B" || op == "B*")
      paint (true);
    else if (op == "s" || op == "b" || op == "b*")
      {
        line_to (sx, sy);
        paint (true);
      }
    else if (op == "f" || op == "F" || op == "f*" || op == "n")
      paint (false);
    else if (op == "Do")
      draw_form ();
  }
};

} /* namespace */

EylDieline *
eyl_dieline_read (const char *path,
                  const char *password,
                  guint       index,
                  gboolean    guess,
                  GError    **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  try
    {
      EylDieline *dieline = NULL;

      eyl::with_page (path, password, index, [&] (QPDF &, QPDFPageObjectHelper &page) {
        Output out;
        Parser parser (out, page.getAttribute ("/Resources", false), Matrix (), -1, 0);

        page.parseContents (&parser);
        /* No named dieline: every stroked line, for the caller to judge. */
        if (out.segments.empty () && guess && !out.strokes.empty ())
          {
            int g = out.group (_("stroked lines"), false, false, EYL_DIELINE_OTHER);

            out.groups[g].guessed = TRUE;
            for (EylDielineSegment &s : out.strokes)
              s.group = (guint) g;
            out.segments.swap (out.strokes);
          }
        if (out.segments.empty ())
          {
            for (EylDielineGroup &g : out.groups)
              g_free (g.name);
            return;
          }

        eyl::PageSpace space (page);

        dieline = g_new0 (EylDieline, 1);
        dieline->page_width = space.width ();
        dieline->page_height = space.height ();
        dieline->groups = g_array_new (FALSE, FALSE, sizeof (EylDielineGroup));
        dieline->segments = g_array_new (FALSE, FALSE, sizeof (EylDielineSegment));
        for (EylDielineGroup &g : out.groups)
          g_array_append_val (dieline->groups, g);

        for (EylDielineSegment s : out.segments)
          {
            space.map (s.x0, s.y0, s.x0, s.y0);
            space.map (s.x1, s.y1, s.x1, s.y1);
            g_array_append_val (dieline->segments, s);
            g_array_index (dieline->groups, EylDielineGroup, s.group).length_pt +=
              hypot (s.x1 - s.x0, s.y1 - s.y0);
          }
        g_debug ("page %u: %u dieline segments in %u groups", index, dieline->segments->len,
                 dieline->groups->len);
      });
      return dieline;
    }
  catch (const std::exception &e)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID, _("Cannot read the dieline: %s"),
                   e.what ());
      return NULL;
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "eyl-types.h"
#include "eyl-error.h"

static void
test_rect_union (void)
{
  EylRect a = { 0, 0, 0, 0 };
  EylRect b = { 10, 20, 30, 40 };
  EylRect c = { 5, 25, 12, 50 };

  /* an empty destination takes the other rectangle */
  eyl_rect_union (&a, &b);
  g_assert_cmpfloat (a.x0, ==, 10);
  g_assert_cmpfloat (a.y1, ==, 40);

  eyl_rect_union (&a, &c);
  g_assert_cmpfloat (a.x0, ==, 5);
  g_assert_cmpfloat (a.y0, ==, 20);
  g_assert_cmpfloat (a.x1, ==, 30);
  g_assert_cmpfloat (a.y1, ==, 50);

  /* an empty other adds nothing */
  c = (EylRect) { 100, 100, 100, 200 };
  eyl_rect_union (&a, &c);
  g_assert_cmpfloat (a.x1, ==, 30);
}

static void
test_rect_intersect (void)
{
  EylRect a = { 0, 0, 10, 10 };
  EylRect b = { 5, 6, 20, 20 };
  EylRect far = { 11, 0, 20, 10 };
  EylRect out;

  g_assert_true (eyl_rect_intersect (&a, &b, &out));
  g_assert_cmpfloat (out.x0, ==, 5);
  g_assert_cmpfloat (out.y0, ==, 6);
  g_assert_cmpfloat (out.x1, ==, 10);
  g_assert_cmpfloat (out.y1, ==, 10);
  g_assert_cmpfloat (eyl_rect_width (&out), ==, 5);
  g_assert_cmpfloat (eyl_rect_height (&out), ==, 4);

  g_assert_false (eyl_rect_intersect (&a, &far, &out));
  g_assert_true (eyl_rect_is_empty (&out));
  g_assert_true (eyl_rect_intersect (&a, &b, NULL));
}

static void
test_rect_contains (void)
{
  EylRect a = { 0, 0, 10, 10 };

  g_assert_true (eyl_rect_contains_point (&a, 5, 5));
  g_assert_true (eyl_rect_contains_point (&a, 0, 10));
  g_assert_false (eyl_rect_contains_point (&a, 10.5, 5));
  g_assert_false (eyl_rect_contains_point (&a, 5, -1));
}

static void
test_element_kinds (void)
{
  const char *expected[] = {
    "url",
    "email",
    "phone",
    "social",
    "qr",
    "address",
    "logo",
    "brand_name",
    "headline",
    "cta",
    "other_url",
    "body",
    "sponsor_logo",
    "repeat",
  };

  g_assert_cmpint (G_N_ELEMENTS (expected), ==, EYL_N_ELEMENT_KINDS);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      EylElementKind kind = EYL_N_ELEMENT_KINDS;

      g_assert_cmpstr (eyl_element_kind_to_string (i), ==, expected[i]);
      g_assert_true (eyl_element_kind_from_string (expected[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_null (eyl_element_kind_to_string (EYL_N_ELEMENT_KINDS));
  g_assert_false (eyl_element_kind_from_string ("URL", NULL));
  g_assert_false (eyl_element_kind_from_string (NULL, NULL));

  g_assert_true (eyl_element_kind_is_contact (EYL_ELEMENT_URL));
  g_assert_true (eyl_element_kind_is_contact (EYL_ELEMENT_PHONE));
  g_assert_true (eyl_element_kind_is_contact (EYL_ELEMENT_QR));
  g_assert_false (eyl_element_kind_is_contact (EYL_ELEMENT_OTHER_URL));
  g_assert_false (eyl_element_kind_is_contact (EYL_ELEMENT_LOGO));
  g_assert_false (eyl_element_kind_is_contact (EYL_ELEMENT_SPONSOR_LOGO));
  g_assert_false (eyl_element_kind_is_contact (EYL_ELEMENT_HEADLINE));
}

static void
test_sources (void)
{
  const char *expected[] = { "text", "link", "ocr", "raster", "brand_kit", "inferred" };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      EylSource source = 99;

      g_assert_cmpstr (eyl_source_to_string (i), ==, expected[i]);
      g_assert_true (eyl_source_from_string (expected[i], &source));
      g_assert_cmpint (source, ==, i);
    }
  g_assert_null (eyl_source_to_string (G_N_ELEMENTS (expected)));
  g_assert_false (eyl_source_from_string ("pdf", NULL));
}

static void
test_severities (void)
{
  const char *expected[] = { "info", "warning", "error" };
  EylSeverity severity;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (eyl_severity_to_string (i), ==, expected[i]);
      g_assert_true (eyl_severity_from_string (expected[i], &severity));
      g_assert_cmpint (severity, ==, i);
    }
  /* the order is the order of importance */
  g_assert_cmpint (EYL_SEVERITY_ERROR, >, EYL_SEVERITY_WARNING);
  g_assert_cmpint (EYL_SEVERITY_WARNING, >, EYL_SEVERITY_INFO);
  g_assert_false (eyl_severity_from_string ("fatal", &severity));
}

static void
test_legibility (void)
{
  const char   *expected[] = { "1:200", "20-arcmin", "1:300", "1in-per-10ft", "ada-703.5" };
  EylLegibility standard;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (eyl_legibility_to_string (i), ==, expected[i]);
      g_assert_true (eyl_legibility_from_string (expected[i], &standard));
      g_assert_cmpint (standard, ==, i);
    }
  g_assert_false (eyl_legibility_from_string ("1:100", &standard));
}

static void
test_error_codes (void)
{
  const char *expected[] = {
    "not-found",
    "not-pdf",
    "invalid",
    "encrypted",
    "wrong-password",
    "no-pages",
    "page-error",
    "timeout",
    "memory",
    "engine-crash",
    "output",
    "config",
    "usage",
    "cancelled",
  };
  EylErrorCode code;

  g_assert_cmpstr (g_quark_to_string (EYL_ERROR), ==, "eyl-error-quark");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (eyl_error_code_to_string (i), ==, expected[i]);
      g_assert_true (eyl_error_code_from_string (expected[i], &code));
      g_assert_cmpint (code, ==, i);
    }
  g_assert_cmpint (EYL_ERROR_CANCELLED + 1, ==, G_N_ELEMENTS (expected));
  g_assert_null (eyl_error_code_to_string (G_N_ELEMENTS (expected)));
  g_assert_false (eyl_error_code_from_string ("crash", &code));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/types/rect-union", test_rect_union);
  g_test_add_func ("/eyl/types/rect-intersect", test_rect_intersect);
  g_test_add_func ("/eyl/types/rect-contains", test_rect_contains);
  g_test_add_func ("/eyl/types/element-kinds", test_element_kinds);
  g_test_add_func ("/eyl/types/sources", test_sources);
  g_test_add_func ("/eyl/types/severities", test_severities);
  g_test_add_func ("/eyl/types/legibility", test_legibility);
  g_test_add_func ("/eyl/types/error-codes", test_error_codes);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-options-table.h: the check settings a user gives, one entry each
 * (DESIGN.md 3.5).  Included with the two macros defined by:
 *  - eyl-placement.h: a double field of EylPlacementOverrides per value;
 *  - eyl-options.c: the options table (EylOption), the command line's
 *    --NAME, the window's rows and the placement files' ranges;
 *  - build-aux/eyl-gen-schema.c: the GSettings keys of the schema.
 *
 * EYL_NUMBER_OPTION (name, unit, min, max, field, placement field,
 *                    placement key, GSettings key, fallback, label,
 *                    description, placeholder, problem)
 * EYL_PAIR_OPTION   (name, shape, unit, min, max, field, field2,
 *                    placement key, placement key2, GSettings key,
 *                    GSettings key2, fallback, fallback2, label,
 *                    description, placeholder, problem)
 *
 * A number's placement field is the EylPlacement field it sets
 * (eyl_placement_apply_overrides); a GSettings key (or NULL) is where the
 * window remembers the row; the fallback is what a check uses when
 * neither the user nor the placement gives a value, and the key's default
 * (NAN: none).  Keep no entry without a row in ui/eyl-placement-panel.ui
 * and a line in README.md. */

/* No include guard: included once per use, with other macros. */

/* clang-format off */
EYL_PAIR_OPTION ("size-mm", EYL_OPTION_SIZE, EYL_OPTION_UNIT_MM, 1, 100000,
                 size_w_mm, size_h_mm,
                 "sizes_mm", NULL, NULL, NULL,
                 NAN, NAN,
                 N_("Real size"),
                 N_("Real size of the visible artwork in mm, e.g. 850x2000"),
                 N_("WxH"),
                 N_("--size-mm: “%s” is not a size in millimetres like 850x2000"))
EYL_NUMBER_OPTION ("distance-m", EYL_OPTION_UNIT_M, 0.05, 1000,
                   distance_m, distance_m, "distance_m", NULL, 2.0,
                   N_("Reading distance"),
                   N_("Reading distance in metres"),
                   N_("M"),
                   N_("--distance-m: “%s” is not a distance in metres (0.05 to 1000)"))
/* CityU anthropometry: P5 UK woman, P95 US man */
EYL_PAIR_OPTION ("eye-mm", EYL_OPTION_RANGE, EYL_OPTION_UNIT_MM, 300, 3000,
                 eye_min_mm, eye_max_mm,
                 "eye_min_mm", "eye_max_mm", "eye-min-mm", "eye-max-mm",
                 1405, 1825,
                 N_("Eye heights"),
                 N_("Standing eye heights of the viewers (P5–P95), e.g. 1405-1825"),
                 N_("MIN-MAX"),
                 N_("--eye-mm: “%s” is not a range of eye heights in mm like 1405-1825"))
EYL_NUMBER_OPTION ("table-mm", EYL_OPTION_UNIT_MM, 0, 3000,
                   table_mm, table_height_mm, "table_height_mm", NULL, 0,
                   N_("Table height"),
                   N_("Height of the table in front in mm (0 = no table)"),
                   N_("MM"),
                   N_("--table-mm: “%s” is not a table height in mm (0 = no table)"))
EYL_NUMBER_OPTION ("gap-mm", EYL_OPTION_UNIT_MM, 0, 10000,
                   gap_mm, table_gap_mm, "table_gap_mm", NULL, 0,
                   N_("Gap behind the table"),
                   N_("Gap between the table’s back edge and the material in mm"),
                   N_("MM"),
                   N_("--gap-mm: “%s” is not a distance in mm"))
EYL_NUMBER_OPTION ("table-objects-mm", EYL_OPTION_UNIT_MM, 0, 1500,
                   table_objects_mm, table_objects_mm, "table_objects_mm", "table-objects-mm", 0,
                   N_("Things on the table"),
                   N_("Height of what stands on the table in front (leaflet stands, screens, samples) in mm (0 = nothing)"),
                   N_("MM"),
                   N_("--table-objects-mm: “%s” is not a height in mm (0 to 1500)"))
EYL_NUMBER_OPTION ("crowd-mm", EYL_OPTION_UNIT_MM, 0, 2500,
                   crowd_mm, crowd_height_mm, "crowd_height_mm", "crowd-mm", 0,
                   N_("Crowd in front"),
                   N_("Height of a crowd standing in front (at the table’s front edge, else 1 m away) "
                      "in mm, e.g. 1500 for shoulders (0 = none)"),
                   N_("MM"),
                   N_("--crowd-mm: “%s” is not a crowd height in mm (0 = none)"))
/* 20/20 */
EYL_NUMBER_OPTION ("acuity", EYL_OPTION_UNIT_ACUITY, 0.05, 2,
                   acuity, acuity, "acuity", "acuity", 1.0,
                   N_("Viewers’ eyesight"),
                   N_("Visual acuity of the viewers, as a Snellen fraction (20/40, 6/12) or decimal (0.5); "
                      "20/40 halves the distance text can be read from (default 20/20)"),
                   N_("ACUITY"),
                   N_("--acuity: “%s” is not a visual acuity like 20/40 or 0.5 (20/400 to 20/10)"))
/* clang-format on */

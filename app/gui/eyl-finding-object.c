/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-finding-object"

#include <glib/gi18n.h>

#include "eyl-finding-object.h"
#include "eyl-rules.h"

struct _EylFindingObject
{
  GObject parent_instance;

  EylFinding *finding;
  guint       index;
  gboolean    first_of_group;
};

G_DEFINE_FINAL_TYPE (EylFindingObject, eyl_finding_object, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_MESSAGE,
  PROP_FIX,
  PROP_RULE,
  PROP_SEVERITY,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
eyl_finding_object_finalize (GObject *object)
{
  EylFindingObject *self = (EylFindingObject *) object;

  g_clear_pointer (&self->finding, eyl_finding_unref);

  G_OBJECT_CLASS (eyl_finding_object_parent_class)->finalize (object);
}

static void
eyl_finding_object_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EylFindingObject *self = EYL_FINDING_OBJECT (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, eyl_finding_object_get_message (self));
      break;
    case PROP_FIX:
      g_value_set_string (value, eyl_finding_object_get_fix (self));
      break;
    case PROP_RULE:
      g_value_set_string (value, eyl_finding_object_get_rule (self));
      break;
    case PROP_SEVERITY:
      g_value_set_int (value, eyl_finding_object_get_severity (self));
      break;
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_finding_object_class_init (EylFindingObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = eyl_finding_object_finalize;
  object_class->get_property = eyl_finding_object_get_property;

  properties[PROP_MESSAGE] =
      g_param_spec_string ("message", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIX] =
      g_param_spec_string ("fix", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULE] =
      g_param_spec_string ("rule", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
      g_param_spec_int ("severity", NULL, NULL,
                        EYL_SEVERITY_INFO, EYL_SEVERITY_ERROR, EYL_SEVERITY_INFO,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDEX] =
      g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eyl_finding_object_init (EylFindingObject *self)
{
}

EylFindingObject *
eyl_finding_object_new (EylFinding *finding,
                        guint       index)
{
  EylFindingObject *self;

  g_return_val_if_fail (finding != NULL, NULL);

  self = g_object_new (EYL_TYPE_FINDING_OBJECT, NULL);
  self->finding = eyl_finding_ref (finding);
  self->index = index;
  return self;
}

EylFinding *
eyl_finding_object_get_finding (EylFindingObject *self)
{
  g_return_val_if_fail (EYL_IS_FINDING_OBJECT (self), NULL);
  return self->finding;
}

guint
eyl_finding_object_get_index (EylFindingObject *self)
{
  g_return_val_if_fail (EYL_IS_FINDING_OBJECT (self), 0);
  return self->index;
}

EylSeverity
eyl_finding_object_get_severity (EylFindingObject *self)
{
  g_return_val_if_fail (EYL_IS_FINDING_OBJECT (self), EYL_SEVERITY_INFO);
  return self->finding->severity;
}

const char *
eyl_finding_object_get_message (EylFindingObject *self)
{
  g_return_val_if_fail (EYL_IS_FINDING_OBJECT (self), NULL);
  return self->finding->message;
}

const char *
eyl_finding_object_get_fix (EylFindingObject *self)
{
  g_return_val_if_fail (EYL_IS_FINDING_OBJECT (self), NULL);
  return self->finding->fix;
}

const char *
eyl_finding_object_get_rule (EylFindingObject *self)
{
  g_return_val_if_fail (EYL_IS_FINDING_OBJECT (self), NULL);
  return self->finding->rule;
}

gboolean
eyl_finding_object_get_first_of_group (EylFindingObject *self)
{
  g_return_val_if_fail (EYL_IS_FINDING_OBJECT (self), FALSE);
  return self->first_of_group;
}

void
eyl_finding_object_set_first_of_group (EylFindingObject *self,
                                       gboolean          first)
{
  g_return_if_fail (EYL_IS_FINDING_OBJECT (self));
  self->first_of_group = !!first;
}

const char *
eyl_severity_icon_name (EylSeverity severity)
{
  switch (severity)
    {
    case EYL_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case EYL_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case EYL_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

/* ------------------------------------------------------------------ */
/* Groups                                                               */

struct _EylFindingGroup
{
  GObject parent_instance;

  EylSeverity severity;
  char       *rule;
  guint       count;
  gboolean    expanded;
};

G_DEFINE_FINAL_TYPE (EylFindingGroup, eyl_finding_group, G_TYPE_OBJECT)

static GParamSpec *group_expanded_pspec;

static void
eyl_finding_group_finalize (GObject *object)
{
  g_free (EYL_FINDING_GROUP (object)->rule);
  G_OBJECT_CLASS (eyl_finding_group_parent_class)->finalize (object);
}

static void
eyl_finding_group_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  g_value_set_boolean (value, EYL_FINDING_GROUP (object)->expanded);
}

static void
eyl_finding_group_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  eyl_finding_group_set_expanded (EYL_FINDING_GROUP (object), g_value_get_boolean (value));
}

static void
eyl_finding_group_class_init (EylFindingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = eyl_finding_group_finalize;
  object_class->get_property = eyl_finding_group_get_property;
  object_class->set_property = eyl_finding_group_set_property;
  group_expanded_pspec =
      g_param_spec_boolean ("expanded", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, 1, group_expanded_pspec);
}

static void
eyl_finding_group_init (EylFindingGroup *self)
{
  self->expanded = TRUE;
}

EylFindingGroup *
eyl_finding_group_new (EylSeverity severity,
                       const char *rule)
{
  EylFindingGroup *self = g_object_new (EYL_TYPE_FINDING_GROUP, NULL);

  self->severity = severity;
  self->rule = g_strdup (rule != NULL ? rule : "");
  return self;
}

EylSeverity
eyl_finding_group_get_severity (EylFindingGroup *self)
{
  g_return_val_if_fail (EYL_IS_FINDING_GROUP (self), EYL_SEVERITY_INFO);
  return self->severity;
}

const char *
eyl_finding_group_get_rule (EylFindingGroup *self)
{
  g_return_val_if_fail (EYL_IS_FINDING_GROUP (self), NULL);
  return self->rule;
}

const char *
eyl_finding_group_get_title (EylFindingGroup *self)
{
  const EylRule *rule;

  g_return_val_if_fail (EYL_IS_FINDING_GROUP (self), NULL);
  rule = eyl_rules_lookup (self->rule);
  return rule != NULL && rule->title != NULL ? _(rule->title) : self->rule;
}

guint
eyl_finding_group_get_count (EylFindingGroup *self)
{
  g_return_val_if_fail (EYL_IS_FINDING_GROUP (self), 0);
  return self->count;
}

void
eyl_finding_group_add (EylFindingGroup *self)
{
  g_return_if_fail (EYL_IS_FINDING_GROUP (self));
  self->count++;
}

gboolean
eyl_finding_group_get_expanded (EylFindingGroup *self)
{
  g_return_val_if_fail (EYL_IS_FINDING_GROUP (self), FALSE);
  return self->expanded;
}

void
eyl_finding_group_set_expanded (EylFindingGroup *self,
                                gboolean         expanded)
{
  g_return_if_fail (EYL_IS_FINDING_GROUP (self));
  if (self->expanded == !!expanded)
    return;
  self->expanded = !!expanded;
  g_object_notify_by_pspec (G_OBJECT (self), group_expanded_pspec);
}

gboolean
eyl_finding_group_contains (EylFindingGroup  *self,
                            EylFindingObject *object)
{
  g_return_val_if_fail (EYL_IS_FINDING_GROUP (self), FALSE);
  return eyl_finding_object_get_severity (object) == self->severity &&
         g_strcmp0 (eyl_finding_object_get_rule (object), self->rule) == 0;
}

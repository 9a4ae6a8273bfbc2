// The labels are shared with the server: one list, in core.
export {
  ACTION_LABELS,
  actionLabel,
  auditValue,
  ENTITY_TYPE_LABELS,
  entityTypeLabel,
  fieldLabel,
} from '#core/audit/labels.ts';

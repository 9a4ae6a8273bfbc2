// The labels are shared with the server: one list, in core.
export {
  ACTION_LABELS,
  actionLabel,
  ENTITY_TYPE_LABELS,
  entityTypeLabel,
} from '../../../src/core/audit/labels.ts';

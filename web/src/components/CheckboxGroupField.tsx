/**
 * A group of checkboxes inside a required Form.Item. antd marks the item's control with aria-required,
 * which ARIA allows on a text box or a list but not on a plain group: screen readers ignore it there and
 * checkers flag it as invalid. The label's asterisk and the error message already say it is required.
 */
import { Checkbox, type GetProps } from 'antd';

type Props = GetProps<typeof Checkbox.Group> & { 'aria-required'?: unknown };

export function CheckboxGroupField({ 'aria-required': _notForAGroup, ...props }: Props) {
  return <Checkbox.Group {...props} />;
}

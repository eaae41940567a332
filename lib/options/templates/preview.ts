import type { SafeHtml } from '../../hosts/types';
import { sanitizeTemplateHtml } from '../../templates/sanitize';
import {
  fillVariables,
  VARIABLES,
  type Variable,
  type VariableSource,
  variableValues,
} from '../../templates/variables';

/** The conversation every preview is filled from. */
export const SAMPLE_SOURCE: VariableSource = {
  customer: { name: 'Maria Lopez', email: 'maria@customer.example' },
  agent: { name: 'Ana Silva' },
  conversation: { subject: 'Order #1042 arrived damaged', status: 'open', priority: 'high' },
};

/** Each variable the compose filler knows, with its value in the sample conversation. */
export const VARIABLE_CHOICES: { name: Variable; sample: string }[] = (() => {
  const values = variableValues(SAMPLE_SOURCE);
  return VARIABLES.map((name) => ({ name, sample: values[name] }));
})();

/** A template as the compose picker would insert it into the sample conversation. */
export const previewHtml = (body: string): SafeHtml =>
  sanitizeTemplateHtml(fillVariables(body, SAMPLE_SOURCE));

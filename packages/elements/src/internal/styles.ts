/**
 * Styles of the shared primitives (buttons, fields, tables, pills, state views, dialogs).
 * Every component adopts them through `PrmElement.styles`; they are written against the
 * private token copies of `tokenStyles`.
 */
import { css } from 'lit';

export const primitiveStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [part~='base'] {
    display: grid;
    gap: calc(var(--_unit) * 4);
  }
  h2,
  h3,
  h4,
  p,
  dl,
  dd,
  ul {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.07em;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .muted {
    color: var(--_muted);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 2);
    align-items: center;
  }
  .panel {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_unit) * 4);
    display: grid;
    gap: calc(var(--_unit) * 3);
  }
  .details {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_unit) * 2) calc(var(--_unit) * 4);
  }
  .details dt {
    color: var(--_muted);
  }

  /* button */
  button,
  .button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_unit) * 1.5);
    min-height: 2.25em;
    padding: 0 calc(var(--_unit) * 3);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button.danger {
    color: var(--_danger);
    border-color: currentColor;
  }
  button.link {
    border: 0;
    background: none;
    color: var(--_accent);
    padding: 0;
    min-height: 0;
    text-decoration: underline;
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  /* field */
  .field {
    display: grid;
    gap: var(--_unit);
    align-content: start;
  }
  fieldset > legend {
    font-weight: 600;
    font-size: 1.07em;
    padding: 0;
    margin-block-end: calc(var(--_unit) * 2);
  }
  .field label,
  .field legend {
    font-weight: 600;
  }
  .field .hint {
    color: var(--_muted);
    font-size: 0.93em;
  }
  .field .error {
    color: var(--_danger);
    font-size: 0.93em;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_unit) * 1.5) calc(var(--_unit) * 2);
    min-height: 2.25em;
    width: 100%;
  }
  input[type='checkbox'] {
    width: auto;
    min-height: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .checkbox {
    display: flex;
    gap: calc(var(--_unit) * 2);
    align-items: flex-start;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
  }
  .form {
    display: grid;
    gap: calc(var(--_unit) * 3);
  }
  .form-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: calc(var(--_unit) * 3);
  }
  .actions {
    display: flex;
    gap: calc(var(--_unit) * 2);
    justify-content: flex-end;
    flex-wrap: wrap;
  }

  /* table */
  table {
    width: 100%;
    border-collapse: collapse;
    background: var(--_surface);
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_unit) * 2) calc(var(--_unit) * 3);
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  thead th {
    background: var(--_sunken);
  }
  th {
    font-weight: 600;
  }

  /* status pill */
  .pill {
    display: inline-block;
    justify-self: start;
    padding: 0 calc(var(--_unit) * 2);
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.86em;
    line-height: 1.6;
    white-space: nowrap;
    color: var(--_muted);
  }
  .pill[data-tone='success'] {
    color: var(--_success);
  }
  .pill[data-tone='warning'] {
    color: var(--_warning);
  }
  .pill[data-tone='danger'] {
    color: var(--_danger);
  }
  .pill[data-tone='accent'] {
    color: var(--_accent);
  }

  /* state views */
  .state {
    display: grid;
    gap: calc(var(--_unit) * 2);
    justify-items: start;
    padding: calc(var(--_unit) * 4);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_sunken);
  }
  .state[data-state='error'],
  .alert {
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    padding: calc(var(--_unit) * 3);
    display: grid;
    gap: calc(var(--_unit) * 2);
  }
  .alert[data-tone='success'] {
    border-color: var(--_success);
  }
  .alert[data-tone='warning'] {
    border-color: var(--_warning);
  }
  .skeleton {
    display: grid;
    gap: calc(var(--_unit) * 2);
  }
  .skeleton span {
    display: block;
    height: 0.9em;
    border-radius: var(--_radius);
    background: var(--_border);
    animation: pulse 1.2s ease-in-out infinite;
  }
  .skeleton span:nth-child(2) {
    width: 80%;
  }
  .skeleton span:nth-child(3) {
    width: 60%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.4;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* dialog */
  dialog {
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_unit) * 5);
    max-width: min(36rem, calc(100vw - 2rem));
    width: 100%;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog[open] {
    display: grid;
    gap: calc(var(--_unit) * 3);
  }
`;

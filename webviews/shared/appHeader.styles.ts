import { css } from 'lit';

/** The page's root and its header: the title on the left, the project picker and actions on the right. */
export const appHeaderStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
    padding: 12px 0;
  }
  h1 {
    font-size: 1.35em;
    font-weight: 600;
    margin: 0;
  }
`;

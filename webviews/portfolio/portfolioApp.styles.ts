import { css } from 'lit';

export const portfolioAppStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 8px 16px;
    padding: 12px 0;
  }
  h1 {
    font-size: 1.35em;
    font-weight: 600;
    margin: 0;
  }
  .charts {
    display: grid;
    gap: 12px;
    grid-template-columns: minmax(0, 1fr);
    margin-bottom: 20px;
  }
  @container (min-width: 700px) {
    .charts {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    .charts .wide {
      grid-column: 1 / -1;
    }
  }
  .next {
    margin-bottom: 20px;
  }
  .refused {
    margin: 0 0 12px;
    color: var(--vscode-errorForeground);
  }
  .cards-head {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: 8px 16px;
    margin-bottom: 8px;
  }
  .count {
    margin: 0 0 8px;
  }
`;

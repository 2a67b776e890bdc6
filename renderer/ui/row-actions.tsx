import type { ReactNode } from 'react';

/** A table row's action buttons, right-aligned and wrapping inside an ordinary table cell. */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <td className="row-actions">
      <div>{children}</div>
    </td>
  );
}

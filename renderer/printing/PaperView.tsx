import type { CSSProperties } from 'react';
import type { PaperPreview } from '../../shared/paper/paper-doc';
import './paper-view.css';

/**
 * The roll as it prints: the host's own lines in a fixed-width font, exactly as many characters
 * across as the paper takes, bold and double size where the printer makes them so.
 */
export function PaperView({ preview, label }: { preview: PaperPreview; label: string }) {
  return (
    <section className="paper-view" style={{ '--paper-columns': preview.columns } as CSSProperties} aria-label={label} data-testid="paper-preview">
      {preview.lines.map((line, index) => (
        // Lines are fixed, in order: their position is their identity.
        <div key={index} className={`paper-view__line${line.bold ? ' paper-view__line--bold' : ''}${line.size === 2 ? ' paper-view__line--double' : ''}`}>
          {line.text}
        </div>
      ))}
    </section>
  );
}

/**
 * A list that renders every row while it is short and only the visible rows once it is long
 * (@tanstack/react-virtual), so a queue or move list of thousands stays smooth. Rows keep
 * list semantics (with their position in the whole list) either way.
 */
import { useRef, type JSX, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface VirtualListProps<T> {
  items: readonly T[];
  label: string;
  rowKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  /** Estimated row height in px (rows are measured once shown). */
  estimateSize: number;
  /** Up to this many rows render plainly. */
  threshold?: number;
  className?: string;
}

export function VirtualList<T>({ items, label, rowKey, renderRow, estimateSize, threshold = 60, className }: VirtualListProps<T>): JSX.Element {
  if (items.length <= threshold)
    return (
      <div role="list" aria-label={label} className={['sp-list', className].filter(Boolean).join(' ')}>
        {items.map((item, i) => (
          <div role="listitem" key={rowKey(item)} className="sp-list-item">
            {renderRow(item, i)}
          </div>
        ))}
      </div>
    );
  return <LongList items={items} label={label} rowKey={rowKey} renderRow={renderRow} estimateSize={estimateSize} className={className} />;
}

function LongList<T>({ items, label, rowKey, renderRow, estimateSize, className }: VirtualListProps<T>): JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    overscan: 8,
    getItemKey: (i) => rowKey(items[i]!),
    initialRect: { width: 360, height: 600 },
  });
  return (
    <div ref={scrollRef} className={['sp-list', 'sp-list--virtual', className].filter(Boolean).join(' ')} role="list" aria-label={label}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => (
          <div
            role="listitem"
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            aria-setsize={items.length}
            aria-posinset={v.index + 1}
            className="sp-list-item"
            style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
          >
            {renderRow(items[v.index]!, v.index)}
          </div>
        ))}
      </div>
    </div>
  );
}

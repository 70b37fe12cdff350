/**
 * WAI-ARIA tabs: one Tab stop, Left/Right/Home/End move between tabs and activate them.
 * Only the active panel is rendered, so a hidden view costs nothing. The tab list is the page's
 * navigation landmark and the panel its main landmark.
 */
import { useId, useRef, type JSX, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef<V extends string> {
  value: V;
  label: string;
}

export interface TabsProps<V extends string> {
  label: string;
  /** The navigation landmark's name (the tab list sits in a <nav>, the panel in <main>). */
  navLabel: string;
  tabs: readonly TabDef<V>[];
  value: V;
  onChange: (v: V) => void;
  children: ReactNode;
}

export function Tabs<V extends string>({ label, navLabel, tabs, value, onChange, children }: TabsProps<V>): JSX.Element {
  const id = useId();
  const refs = useRef(new Map<V, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const i = tabs.findIndex((t) => t.value === value);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    const v = tabs[next]!.value;
    onChange(v);
    refs.current.get(v)?.focus();
  };
  return (
    <>
      <nav aria-label={navLabel}>
        <div role="tablist" aria-label={label} className="sp-tabs" onKeyDown={onKeyDown}>
          {tabs.map((t) => (
            <button
              key={t.value}
              ref={(el) => {
                if (el) refs.current.set(t.value, el);
                else refs.current.delete(t.value);
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${t.value}`}
              aria-selected={t.value === value}
              aria-controls={`${id}-panel`}
              tabIndex={t.value === value ? 0 : -1}
              className="sp-tab"
              onClick={() => onChange(t.value)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </nav>
      <main className="sp-main">
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${value}`} className="sp-panel" tabIndex={-1}>
          {children}
        </div>
      </main>
    </>
  );
}

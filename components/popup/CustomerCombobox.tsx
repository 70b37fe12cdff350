/**
 * The customer picker: an ARIA 1.2 combobox (text input + listbox). Typing searches
 * (name, pinyin, domain, email) through the background; ↑/↓ move, Enter picks, Esc closes
 * the list (a second Esc closes the popup).
 */
import { useEffect, useId, useRef, useState, type JSX, type KeyboardEvent, type Ref } from 'react';
import type { CustomerSummary } from '../../lib/messaging/protocol';
import { FieldNotes } from '../common/Field';

export interface CustomerComboboxProps {
  label: string;
  placeholder: string;
  listLabel: string;
  noMatch: (query: string) => string;
  selected: CustomerSummary | null;
  /** Suggestions shown before anything is typed (e.g. candidates for an unknown record). */
  initialOptions?: CustomerSummary[];
  initialQuery?: string;
  search: (query: string, limit: number) => Promise<CustomerSummary[]>;
  onSelect: (c: CustomerSummary | null) => void;
  inputRef?: Ref<HTMLInputElement>;
  hint?: string;
  error?: string;
}

const LIMIT = 8;

export function CustomerCombobox(props: CustomerComboboxProps): JSX.Element {
  const { label, placeholder, listLabel, noMatch, selected, search, onSelect, inputRef, hint, error } = props;
  const id = useId();
  const [text, setText] = useState<string>(selected?.name ?? props.initialQuery ?? '');
  const [options, setOptions] = useState<CustomerSummary[]>(props.initialOptions ?? []);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState<string | null>(null);
  const dirty = useRef(false);

  // Show the chosen customer's name when the choice changes from outside (draft restore…).
  useEffect(() => {
    if (selected) setText(selected.name);
  }, [selected]);

  useEffect(() => {
    if (!dirty.current) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      void search(text, LIMIT)
        .then((found) => {
          if (!live) return;
          setOptions(found);
          setActive(0);
          setSearched(text);
          setOpen(true);
        })
        .catch(() => {
          if (live) setOptions([]);
        });
    }, 60);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, search]);

  const pick = (c: CustomerSummary): void => {
    dirty.current = false;
    setText(c.name);
    setOpen(false);
    onSelect(c);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const n = options.length;
      if (n) setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      if (open && options[active]) {
        e.preventDefault();
        pick(options[active]);
      } else if (!selected) e.preventDefault();
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  const listId = `${id}-list`;
  const showList = open && (options.length > 0 || searched !== null);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="r-field r-combobox">
      <label className="r-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className="r-input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && options[active] ? `${id}-opt-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          dirty.current = true;
          setText(e.target.value);
          if (selected) onSelect(null);
        }}
        onFocus={() => {
          if (!selected && options.length) setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={listLabel} className="r-listbox" hidden={!showList}>
        {options.map((c, i) => (
          <li
            key={c.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className="r-option"
            // mousedown, not click: it runs before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(c);
            }}
          >
            <span className="r-option-name">{c.name}</span>
            {c.domain ? <span className="r-option-meta">{c.domain}</span> : null}
          </li>
        ))}
        {options.length === 0 && searched !== null ? (
          <li role="option" aria-disabled="true" aria-selected={false} className="r-option r-option--empty">
            {noMatch(searched)}
          </li>
        ) : null}
      </ul>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

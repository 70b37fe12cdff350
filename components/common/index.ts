/** Shared React building blocks for Rapport's extension pages. */
export { RapportPage, type RapportPageProps } from './RapportPage';
export { askSettingsEarly, SettingsProvider, useSettings } from './settings-context';
export { useLocale, useT, useCommonT, useErrorText, localeTag, useDocumentLang, type CommonKey } from './i18n';
export { useEffectiveTheme, useDocumentTheme, type EffectiveTheme } from './theme';
export { Field, FieldNotes, type FieldProps, type FieldControlProps } from './Field';
export { Button, type ButtonProps } from './Button';
export { RadioGroup, type RadioGroupProps, type RadioOption } from './RadioGroup';
export { TierChip, RiskChip } from './ScoreChips';

/** The card follows the CRM page's theme, which the overlay passes as `?theme=dark|light`. */
export const cardTheme = (search: string): 'dark' | 'light' => (new URLSearchParams(search).get('theme') === 'dark' ? 'dark' : 'light');

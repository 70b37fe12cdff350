/** The chosen customer's contacts (suggestions), score and privacy facts; null while none is chosen or found. */
import { useEffect, useState } from 'react';
import type { CustomerDetails, PopupServices } from '../../lib/popup/popup-services';

export function useCustomerDetails(services: PopupServices, customerId: string | undefined): CustomerDetails | null {
  const [details, setDetails] = useState<CustomerDetails | null>(null);
  useEffect(() => {
    let live = true;
    if (!customerId) {
      setDetails(null);
      return undefined;
    }
    void services
      .details(customerId)
      .catch(() => null)
      .then((d) => {
        if (live) setDetails(d);
      });
    return () => {
      live = false;
    };
  }, [customerId, services]);
  return details;
}

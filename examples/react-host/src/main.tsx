import { PrmDealRegistrationForm, PrmDealRegistrationList, PrmProvider } from '@prm-kit/react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { adapter } from './adapter.js';

function App() {
  const [registered, setRegistered] = useState('');
  return (
    <PrmProvider adapter={adapter}>
      <h1>Deal registrations</h1>
      <PrmDealRegistrationForm
        onPrmDealSubmitted={(event) => setRegistered(event.deal.customer.company)}
      />
      <p role="status">{registered && `Registered ${registered}`}</p>
      <PrmDealRegistrationList />
    </PrmProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { describe, expect, it } from 'vitest';
import { addressIn, contactOf } from './contact';

describe('people as Outlook writes them', () => {
  it('takes name and address from "Name <address>"', () => {
    expect(contactOf('Maria Lopez <Maria.Lopez@customer.test>')).toEqual({
      email: 'maria.lopez@customer.test',
      name: 'Maria Lopez',
    });
    expect(contactOf('"Lopez, Maria" <maria.lopez@customer.test>')).toEqual({
      email: 'maria.lopez@customer.test',
      name: 'Lopez, Maria',
    });
  });

  it('takes a bare address, or the address a list row keeps in its title', () => {
    expect(contactOf('maria.lopez@customer.test')).toEqual({
      email: 'maria.lopez@customer.test',
      name: null,
    });
    expect(contactOf('Maria Lopez', 'maria.lopez@customer.test')).toEqual({
      email: 'maria.lopez@customer.test',
      name: 'Maria Lopez',
    });
  });

  it('leaves out a name without an address rather than guess one', () => {
    expect(contactOf('Acme Support')).toBeNull();
    expect(contactOf('Acme Support', 'Acme Support')).toBeNull();
    expect(addressIn('no address here')).toBeNull();
  });
});

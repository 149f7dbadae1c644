// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PinField } from './PinField';

afterEach(cleanup);

describe('PinField', () => {
  it('is a hidden numeric field that passes on only the digits typed or pasted, eight at most', () => {
    const onChange = vi.fn();
    render(<PinField id="p" label="PIN" value="" onChange={onChange} error={null} />);
    const input = screen.getByLabelText('PIN') as HTMLInputElement;
    expect(input.type).toBe('password');
    expect(input.inputMode).toBe('numeric');
    fireEvent.change(input, { target: { value: ' 12-34 ab 567890' } });
    expect(onChange).toHaveBeenLastCalledWith('12345678');
  });

  it('shows its error right under it and points the field at its hint and its error', () => {
    render(<PinField id="p" label="PIN" hint="4 to 8 digits" value="12" onChange={vi.fn()} error="A PIN is 4 to 8 digits" />);
    const input = screen.getByLabelText('PIN');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('A PIN is 4 to 8 digits');
    expect(alert.previousElementSibling?.id).toBe('p-hint');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('p-hint p-error');
  });

  it('says nothing and is not marked invalid without an error', () => {
    render(<PinField id="p" label="PIN" value="" onChange={vi.fn()} error={null} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('PIN').hasAttribute('aria-invalid')).toBe(false);
    expect(screen.getByLabelText('PIN').hasAttribute('aria-describedby')).toBe(false);
  });
});

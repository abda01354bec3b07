// The search box's text reaches the URL after a pause in typing; focus leaving the box (a click on a row the search
// found) writes it at once, so what reads the URL next — the list's remembered place, the page it opens — has it.
import { act, cleanup, render, screen } from '@testing-library/react';
import { BrowserRouter } from 'react-router';
import { afterEach, expect, it, vi } from 'vitest';
import { URL_TEXT_DELAY_MS, useUrlText } from './use-update-search.ts';

function SearchAndRow() {
  const [text, setText] = useUrlText('q');
  return (
    <>
      <input type="search" aria-label="Search" value={text} onChange={(e) => setText(e.target.value)} />
      <a href="#row">A row</a>
    </>
  );
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
});

function typeInto(box: HTMLInputElement, value: string) {
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

it('writes the typed search into the URL once typing pauses', () => {
  vi.useFakeTimers();
  window.history.replaceState(null, '', '/inbox');
  render(<SearchAndRow />, { wrapper: BrowserRouter });
  typeInto(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search' }), 'platform');
  expect(window.location.search).toBe('');
  act(() => void vi.advanceTimersByTime(URL_TEXT_DELAY_MS));
  expect(window.location.search).toBe('?q=platform');
});

it('writes it at once when the focus leaves the box before the pause', () => {
  vi.useFakeTimers();
  window.history.replaceState(null, '', '/inbox');
  render(<SearchAndRow />, { wrapper: BrowserRouter });
  const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search' });
  act(() => box.focus());
  typeInto(box, 'platform-admins');
  let seenByTheRow = '';
  const row = screen.getByRole('link', { name: 'A row' });
  row.addEventListener('focusin', () => (seenByTheRow = window.location.search));
  act(() => row.focus());
  expect(seenByTheRow).toBe('?q=platform-admins');
  // and the timer that was waiting does not write it a second time
  const length = window.history.length;
  act(() => void vi.advanceTimersByTime(URL_TEXT_DELAY_MS * 2));
  expect(window.history.length).toBe(length);
  expect(window.location.search).toBe('?q=platform-admins');
});

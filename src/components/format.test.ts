import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelative } from './format.ts';

const now = Date.parse('2025-06-10T12:00:00Z');

describe('formatRelative', () => {
  it('says "3 days ago" for three days back', () => {
    expect(formatRelative('2025-06-07T12:00:00Z', now, 'en')).toBe('3 days ago');
  });
  it('uses words for the nearest units', () => {
    expect(formatRelative('2025-06-09T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(formatRelative('2025-06-10T11:59:50Z', now, 'en')).toBe('now');
    expect(formatRelative('2025-06-10T10:00:00Z', now, 'en')).toBe('2 hours ago');
  });
  it('handles the future and long spans', () => {
    expect(formatRelative('2025-06-10T12:30:00Z', now, 'en')).toBe('in 30 minutes');
    expect(formatRelative('2024-06-10T12:00:00Z', now, 'en')).toBe('last year');
  });
  it('returns an empty string for missing or invalid dates instead of throwing', () => {
    expect(formatRelative(null, now)).toBe('');
    expect(formatRelative(undefined, now)).toBe('');
    expect(formatRelative('not a date', now)).toBe('');
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('garbage')).toBe('');
  });
});

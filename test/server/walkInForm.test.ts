import { readWalkInForm } from '../../src/server/walkInForm';

describe('readWalkInForm', () => {
  it('reads the fields as the walk-in API takes them; empty fields are no answer; other fields are ignored', () => {
    const read = readWalkInForm({ _csrf: 'token', age: '22', birthDate: '', situation: 'none', qualification: 'none', country: 'FR', region: ' ', livesInCamp: 'no', project: '' });
    expect(read).toEqual({
      ok: true,
      answers: { age: 22, situation: 'none', qualification: 'none', country: 'FR', livesInCamp: false },
      values: { age: '22', birthDate: '', situation: 'none', qualification: 'none', country: 'FR', region: ' ', livesInCamp: 'no', project: '' }
    });
  });

  it('names every wrong field at once, and keeps what was sent', () => {
    const read = readWalkInForm({ age: 'twenty', birthDate: '2003-02-30', situation: '<script>', country: 'XX', livesInCamp: 'maybe', project: 'leading' });
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.fields).toEqual(['birthDate', 'age', 'situation', 'country', 'livesInCamp']);
    expect(read.values.situation).toBe('<script>');
  });

  it('refuses an age out of range, a region too long, and fields that are not text', () => {
    expect(readWalkInForm({ age: '130' })).toMatchObject({ ok: false, fields: ['age'] });
    expect(readWalkInForm({ birthYear: '04' })).toMatchObject({ ok: false, fields: ['birthYear'] });
    expect(readWalkInForm({ birthYear: '2004' })).toMatchObject({ ok: true, answers: { birthYear: 2004 } });
    expect(readWalkInForm({ region: 'r'.repeat(81) })).toMatchObject({ ok: false, fields: ['region'] });
    expect(readWalkInForm({ age: ['22', '23'] })).toMatchObject({ ok: false, fields: ['age'] });
    expect(readWalkInForm(null)).toEqual({ ok: true, answers: {}, values: {} });
  });
});

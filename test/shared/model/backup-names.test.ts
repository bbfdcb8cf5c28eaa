import { describe, expect, it } from 'vitest';
import { BACKUP_NAME_PATTERN, backupsToKeep, formatBackupName, KEEP_DAYS, MAX_BACKUPS, parseBackupName, type BackupReason } from '../../../shared/model/backup-names';

// Local time on purpose: names and "today" are both local.
const at = (day: number, hour = 12, minute = 0, second = 0, month = 10) => new Date(2026, month, day, hour, minute, second);
const name = (date: Date, reason: BackupReason = 'auto', sequence = 1) => formatBackupName(date, reason, sequence);
const now = at(23, 18);

describe('backup names', () => {
  it('formats and reads back local date, time, reason and sequence', () => {
    expect(name(at(3, 9, 5, 7), 'before-restore')).toBe('accord-library-20261103-090507-before-restore.json');
    expect(name(at(3, 9, 5, 7), 'manual', 2)).toBe('accord-library-20261103-090507-manual-2.json');
    expect(parseBackupName('accord-library-20261103-090507-manual-2.json')).toEqual({ name: 'accord-library-20261103-090507-manual-2.json', createdAt: at(3, 9, 5, 7), reason: 'manual', sequence: 2 });
  });

  it.each([
    '../accord-library-20261103-090507-auto.json',
    'backups/accord-library-20261103-090507-auto.json',
    '/etc/passwd',
    'C:\\accord-library-20261103-090507-auto.json',
    'accord-library-20261103-090507-auto.json.exe',
    'accord-library-20261103-090507-evil.json',
    'accord-library-20260231-090507-auto.json',
    'accord-library-20261103-250507-auto.json',
    'accord-library-20261103-090507-auto-1.json',
    'accord-library-20261103-090507-auto-100.json',
    '.accord-library-20261103-090507-auto.json.1a2b.tmp',
    'notes.txt',
  ])('is not a backup: %s', (candidate) => {
    expect(parseBackupName(candidate)).toBeNull();
  });

  it('the pattern admits no path separator or dot segment', () => {
    for (const candidate of ['a/b', '..', '.', 'accord-library-20261103-090507-auto.json/..']) expect(BACKUP_NAME_PATTERN.test(candidate)).toBe(false);
  });
});

describe('backupsToKeep', () => {
  it('keeps the last five of today, newest first', () => {
    const today = [8, 9, 10, 11, 12, 13, 14].map((hour) => name(at(23, hour)));
    expect(backupsToKeep(today, now)).toEqual([14, 13, 12, 11, 10].map((hour) => name(at(23, hour))));
  });

  it('keeps the backups that undo restores and imports apart from today’s five, so trying backups in a row loses nothing', () => {
    const morning = [8, 9, 10, 11, 12].map((hour) => name(at(23, hour)));
    const restores = [13, 14, 15].map((hour) => name(at(23, hour, 5), 'before-restore'));
    const kept = backupsToKeep([...morning, ...restores, name(at(23, 16), 'before-import')], now);
    for (const file of [...morning, ...restores]) expect(kept).toContain(file);
    const many = [1, 2, 3, 4, 5, 6, 7].map((minute) => name(at(23, 17, minute), 'before-restore'));
    expect(backupsToKeep([...morning, ...many], now).filter((file) => file.includes('before-restore'))).toEqual(many.slice(2).reverse());
  });

  it('keeps one per earlier day (its newest) besides today’s', () => {
    const names = [name(at(22, 9)), name(at(22, 17), 'quit'), name(at(21, 8)), name(at(23, 10)), name(at(20, 23, 59, 59))];
    expect(backupsToKeep(names, now)).toEqual([name(at(23, 10)), name(at(22, 17), 'quit'), name(at(21, 8)), name(at(20, 23, 59, 59))]);
  });

  it('keeps the 30 most recent earlier days that have a backup, even after a long break', () => {
    const days = Array.from({ length: 45 }, (_, index) => name(at(1 + index, 12, 0, 0, 6))); // 1 July … 14 August
    const kept = backupsToKeep(days, now);
    expect(kept).toHaveLength(KEEP_DAYS);
    expect(kept[0]).toBe(name(at(14, 12, 0, 0, 7)));
    expect(kept.at(-1)).toBe(name(at(16, 12, 0, 0, 6)));
  });

  it('never keeps more than 40, and always the file just written', () => {
    const many = [...Array.from({ length: 60 }, (_, index) => name(at(1 + (index % 28), 12, 0, 0, 9))), ...Array.from({ length: 10 }, (_, index) => name(at(23, 8, index)))];
    const kept = backupsToKeep(many, now, { protect: name(at(23, 8, 0)) });
    expect(kept.length).toBeLessThanOrEqual(MAX_BACKUPS);
    expect(kept).toContain(name(at(23, 8, 0)));
    expect(kept.filter((entry) => entry.includes('20261123'))).toHaveLength(6);
  });

  it('orders backups of the same second by sequence', () => {
    const same = [name(at(23, 9), 'auto'), name(at(23, 9), 'before-restore', 2), name(at(23, 9), 'manual', 3)];
    expect(backupsToKeep(same, now)).toEqual([same[2], same[1], same[0]]);
  });

  it('counts a file dated in the future (the clock was changed) as today’s, and ignores files that are not backups', () => {
    const names = ['notes.txt', name(at(25, 9)), name(at(23, 9))];
    expect(backupsToKeep(names, now)).toEqual([name(at(25, 9)), name(at(23, 9))]);
  });

  it('keeps nothing of nothing', () => {
    expect(backupsToKeep([], now)).toEqual([]);
  });
});

package ledger

import "time"

// Entry is one line of the journal: money leaving one account for another.
type Entry struct {
	FromAccountID string
	ToAccountID string
	AmountMinor int64
	BookedAt time.Time
	Memo string
}

// Journal records every booked transfer in order.
type Journal struct {
	entries []Entry
}

// Append books an entry.
func (j *Journal) Append(entry Entry) {
	j.entries = append(j.entries, entry)
}

// EntriesFor lists the entries that touch an account.
func (j *Journal) EntriesFor(accountID string) []Entry {
	var found []Entry
	for _, entry := range j.entries {
		if entry.FromAccountID == accountID || entry.ToAccountID == accountID {
			found = append(found, entry)
		}
	}
	return found
}

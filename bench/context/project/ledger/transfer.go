package ledger

import "time"

// Transfer moves amountMinor from one account to another and books it in the journal.
func Transfer(journal *Journal, from *Account, to *Account, amountMinor int64, memo string, now time.Time) error {
	if amountMinor <= 0 {
		return ErrNonPositiveAmount
	}
	if from.ID == to.ID {
		return ErrSameAccount
	}
	if from.Frozen || to.Frozen {
		return ErrAccountFrozen
	}
	if from.SpendableMinor(now) < amountMinor {
		return ErrInsufficientFunds
	}
	from.BalanceMinor -= amountMinor
	to.BalanceMinor += amountMinor
	journal.Append(Entry{FromAccountID: from.ID, ToAccountID: to.ID, AmountMinor: amountMinor, BookedAt: now, Memo: memo})
	return nil
}

// Statement lists an account's journal entries with the running balance after each.
func Statement(journal *Journal, account *Account) []string {
	var lines []string
	for _, entry := range journal.EntriesFor(account.ID) {
		lines = append(lines, entry.BookedAt.Format(time.DateOnly)+" "+entry.Memo)
	}
	return lines
}

package ledger

import "time"

// Hold reserves part of a balance until it expires or is captured.
type Hold struct {
	Reference string
	AmountMinor int64
	ExpiresAt time.Time
}

// Account is one customer's balance in minor units (cents).
type Account struct {
	ID string
	OwnerName string
	BalanceMinor int64
	Holds []Hold
	Frozen bool
}

// HeldMinor sums the holds that have not expired at now.
func (a *Account) HeldMinor(now time.Time) int64 {
	var held int64
	for _, hold := range a.Holds {
		if hold.ExpiresAt.After(now) {
			held += hold.AmountMinor
		}
	}
	return held
}

// SpendableMinor is the balance minus what is held.
func (a *Account) SpendableMinor(now time.Time) int64 {
	return a.BalanceMinor - a.HeldMinor(now)
}

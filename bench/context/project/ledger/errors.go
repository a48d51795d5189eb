package ledger

import "errors"

var (
	ErrAccountFrozen      = errors.New("ledger: account is frozen")
	ErrInsufficientFunds  = errors.New("ledger: insufficient funds")
	ErrNonPositiveAmount  = errors.New("ledger: amount must be positive")
	ErrSameAccount        = errors.New("ledger: source and destination are the same account")
)

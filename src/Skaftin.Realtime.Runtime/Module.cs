// The value readers stackalloc scratch space for escaped or split text and always write before they read it:
// zeroing it on every call is wasted work on the decode path.
[module: System.Runtime.CompilerServices.SkipLocalsInit]

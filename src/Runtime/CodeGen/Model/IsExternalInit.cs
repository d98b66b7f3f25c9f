namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks it; records and init accessors need it at compile time only.
internal static class IsExternalInit;

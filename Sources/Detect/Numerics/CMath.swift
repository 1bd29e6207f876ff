// The one place Detect reaches into the platform C library: the standard library has no ln or exp.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Natural logarithm.
func naturalLogarithm(_ value: Double) -> Double { log(value) }

/// e raised to `value`.
func exponential(_ value: Double) -> Double { exp(value) }

// Codesign.Sdk clean-room arbitrary-precision types for g++ C-simulation: the one class template behind
// ap_fixed, ap_ufixed, ap_int and ap_uint, and its operators. Include ap_fixed.h or ap_int.h, not this file.
//
// Design decisions (see also docs in ap_fixed.h):
// - ap_fixed<W,I,Q,O,N>, ap_ufixed<...>, ap_int<W> and ap_uint<W> are alias templates of
//   ap_fixed_base<W,I,S,Q,O,N>: an integer type is exactly a fixed-point type with I == W. So ap_int<8> and
//   ap_fixed<8,8> are the same type, and every operator returns its exact result type without a class per kind.
// - Storage is one 128-bit word (see ap_detail::normalize), so W is limited to 1..128. A result that would be wider
//   (e.g. ap_fixed<100,50> * ap_fixed<40,20>) is a compile-time error, not a silent wrap.
// - Values start at 0 when default-constructed (deterministic simulation).
#ifndef CODESIGN_AP_FIXED_BASE_H
#define CODESIGN_AP_FIXED_BASE_H

#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "ap_common.h"

template <int W, int I, bool S, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
class ap_fixed_base;

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
using ap_fixed = ap_fixed_base<W, I, true, Q, O, N>;

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
using ap_ufixed = ap_fixed_base<W, I, false, Q, O, N>;

template <int W>
using ap_int = ap_fixed_base<W, W, true>;

template <int W>
using ap_uint = ap_fixed_base<W, W, false>;

namespace ap_detail {

// Full-precision result types of + - * (always AP_TRN / AP_WRAP, so the operation itself never loses anything;
// quantization happens only when the result is assigned). F = W - I.
template <int W1, int I1, bool S1, int W2, int I2, bool S2>
struct result_types {
  static constexpr int f1 = W1 - I1;
  static constexpr int f2 = W2 - I2;
  static constexpr int f = f1 > f2 ? f1 : f2;
  // An unsigned operand needs one more integer bit to sit beside a signed one.
  static constexpr int i1 = I1 + ((S2 && !S1) ? 1 : 0);
  static constexpr int i2 = I2 + ((S1 && !S2) ? 1 : 0);
  static constexpr int i_sum = (i1 > i2 ? i1 : i2) + 1;  // one carry bit
  typedef ap_fixed_base<i_sum + f, i_sum, S1 || S2> plus;
  typedef ap_fixed_base<i_sum + f, i_sum, true> minus;  // a difference can be negative even of unsigned operands
  typedef ap_fixed_base<W1 + W2, I1 + I2, S1 || S2> mult;
};

// A C integer operand behaves as ap_fixed<N,N> of its own size and signedness (bool as ap_uint<1>).
template <class T>
struct c_int {
  static constexpr int bits = std::is_same<T, bool>::value ? 1 : static_cast<int>(sizeof(T) * 8);
  typedef ap_fixed_base<bits, bits, std::is_signed<T>::value> type;
};

template <class T>
struct is_c_int {
  static constexpr bool value = std::is_integral<T>::value;
};

template <class T>
wide wide_of_integer(T value) {
  if (std::is_signed<T>::value) return make_wide(static_cast<u128>(static_cast<s128>(value)), true);
  return make_wide(static_cast<u128>(value), false);
}

// The operand of + or - with its fractional bits raised to the result's (never more than 127 bits of shift: the
// result type has room for the aligned operand, and it is at most 128 bits wide).
inline u128 align(u128 bits, int from_f, int to_f) { return bits << (to_f - from_f); }

// The conversion target of an implicit conversion to a C integer: only ap_int / ap_uint of up to 64 bits convert
// implicitly (array indices, loop bounds); other types "convert" to this unusable tag.
struct no_implicit_conversion {
  explicit no_implicit_conversion(u128) {}
};

}  // namespace ap_detail

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
class ap_fixed_base {
  static_assert(W >= 1 && W <= 128, "ap types hold 1 to 128 bits (a + - * result wider than 128 bits is not supported)");
  static_assert(N == 0, "saturation bits N > 0 (AP_WRAP with forced MSBs) are not implemented: use N = 0");
  static_assert(O != AP_WRAP_SM, "AP_WRAP_SM (sign-magnitude wrap) is not implemented");

  typedef typename std::conditional<(W == I && W <= 64), typename std::conditional<S, long long, unsigned long long>::type,
                                    ap_detail::no_implicit_conversion>::type implicit_int_type;

 public:
  static constexpr int width = W;
  static constexpr int iwidth = I;
  static constexpr int fwidth = W - I;
  static constexpr bool sign_flag = S;
  static constexpr ap_q_mode qmode = Q;
  static constexpr ap_o_mode omode = O;

  ap_fixed_base() : bits_(0) {}

  // From any other ap type: this type's Q then O, applied once to the exact source value.
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
  ap_fixed_base(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& other)
      : bits_(ap_detail::convert(other.to_wide(), W2 - I2, W, W - I, S, Q, O)) {}

  // From a C integer, as ap_fixed<N,N> of its size and signedness.
  template <class T, typename std::enable_if<ap_detail::is_c_int<T>::value, int>::type = 0>
  ap_fixed_base(T value) : bits_(ap_detail::convert(ap_detail::wide_of_integer(value), 0, W, W - I, S, Q, O)) {}

  // From the exact IEEE value (no intermediate rounding); float widens to double exactly.
  ap_fixed_base(double value) : bits_(ap_detail::convert_double(value, W, W - I, S, Q, O)) {}
  ap_fixed_base(float value) : ap_fixed_base(static_cast<double>(value)) {}
  // long double is first rounded to double: the simulation never produces more than 53 significant bits this way.
  ap_fixed_base(long double value) : ap_fixed_base(static_cast<double>(value)) {}

  // The raw code: the low W bits, extended by sign (signed) or zeros (unsigned) to 128 bits.
  ap_detail::u128 raw_bits() const { return bits_; }

  static ap_fixed_base from_raw_bits(ap_detail::u128 bits) {
    ap_fixed_base r;
    r.bits_ = ap_detail::normalize(bits, W, S);
    return r;
  }

  ap_detail::wide to_wide() const { return ap_detail::make_wide(bits_, S); }

  int length() const { return W; }

  // Read access to bit i of the code (0 = LSB).
  bool operator[](int i) const { return i >= 0 && i < W && ((bits_ >> i) & 1) != 0; }

  // Read access to bits hi..lo of the code (hi >= lo, both inside the type), as an unsigned W-bit value whose bits
  // above hi - lo are zero; range() is the whole code. Lookup tables are indexed by such bit fields. Reversed or
  // out-of-range fields (which the vendor library asserts on or reverses) read as 0 here.
  ap_fixed_base<W, W, false, AP_TRN, AP_WRAP, 0> range(int hi, int lo) const {
    typedef ap_fixed_base<W, W, false, AP_TRN, AP_WRAP, 0> field_type;
    if (lo < 0 || hi >= W || hi < lo) return field_type();
    return field_type::from_raw_bits((bits_ >> lo) & ap_detail::low_mask(hi - lo + 1));
  }
  ap_fixed_base<W, W, false, AP_TRN, AP_WRAP, 0> range() const { return range(W - 1, 0); }
  ap_fixed_base<W, W, false, AP_TRN, AP_WRAP, 0> operator()(int hi, int lo) const { return range(hi, lo); }

  // Correctly rounded (to nearest even) from the exact value; exact for W <= 53 unless the result is subnormal.
  double to_double() const {
    const double m = S ? static_cast<double>(static_cast<ap_detail::s128>(bits_)) : static_cast<double>(bits_);
    return std::ldexp(m, -(W - I));
  }

  float to_float() const {
    const float m = S ? static_cast<float>(static_cast<ap_detail::s128>(bits_)) : static_cast<float>(bits_);
    return std::ldexp(m, -(W - I));
  }

  // The integer part, truncated toward zero like a C cast, then wrapped to the C type.
  int to_int() const { return static_cast<int>(integer_toward_zero()); }
  unsigned to_uint() const { return static_cast<unsigned>(integer_toward_zero()); }
  long to_long() const { return static_cast<long>(integer_toward_zero()); }
  unsigned long to_ulong() const { return static_cast<unsigned long>(integer_toward_zero()); }
  long long to_int64() const { return static_cast<long long>(integer_toward_zero()); }
  unsigned long long to_uint64() const { return static_cast<unsigned long long>(integer_toward_zero()); }

  // Radix 10 (the default here) prints the exact decimal value; 2 and 16 print the raw code ("0b0101", "0x5").
  // Note: the vendor library defaults to radix 2, so generated code should always pass the radix it wants.
  std::string to_string(int radix = 10) const {
    if (radix == 10) return ap_detail::decimal_string(to_wide(), W - I);
    if (radix == 2 || radix == 16) return ap_detail::code_string(bits_, W, radix);
    throw std::invalid_argument("ap_fixed::to_string supports radix 2, 10 and 16");
  }

  explicit operator double() const { return to_double(); }
  explicit operator float() const { return to_float(); }
  explicit operator bool() const { return bits_ != 0; }

  template <class T,
            typename std::enable_if<std::is_integral<T>::value && !std::is_same<T, bool>::value, int>::type = 0>
  explicit operator T() const {
    return static_cast<T>(integer_toward_zero());
  }

  // ap_int<W <= 64> and ap_uint<W <= 64> convert implicitly to a C integer, as HLS code uses them as indices.
  operator implicit_int_type() const { return static_cast<implicit_int_type>(bits_); }

  // Shifts keep the type: bits move, bits pushed out are lost (left: wrap), right shifts are arithmetic for signed
  // types. A negative count shifts the other way.
  template <class T, typename std::enable_if<ap_detail::is_c_int<T>::value, int>::type = 0>
  ap_fixed_base operator<<(T count) const {
    return shifted(clamp_count(count), true);
  }

  template <class T, typename std::enable_if<ap_detail::is_c_int<T>::value, int>::type = 0>
  ap_fixed_base operator>>(T count) const {
    return shifted(clamp_count(count), false);
  }

  template <int W2, bool S2>
  ap_fixed_base operator<<(const ap_fixed_base<W2, W2, S2>& count) const {
    return *this << count.to_int64();
  }

  template <int W2, bool S2>
  ap_fixed_base operator>>(const ap_fixed_base<W2, W2, S2>& count) const {
    return *this >> count.to_int64();
  }

  template <class T>
  ap_fixed_base& operator<<=(const T& count) {
    return *this = *this << count;
  }

  template <class T>
  ap_fixed_base& operator>>=(const T& count) {
    return *this = *this >> count;
  }

  // Compound assignment: the exact result of the operation, then this type's Q and O.
  template <class T>
  ap_fixed_base& operator+=(const T& rhs) {
    return *this = ap_fixed_base(*this + rhs);
  }

  template <class T>
  ap_fixed_base& operator-=(const T& rhs) {
    return *this = ap_fixed_base(*this - rhs);
  }

  template <class T>
  ap_fixed_base& operator*=(const T& rhs) {
    return *this = ap_fixed_base(*this * rhs);
  }

  ap_fixed_base& operator++() { return *this += ap_fixed_base<1, 1, false>(1); }
  ap_fixed_base& operator--() { return *this -= ap_fixed_base<1, 1, false>(1); }

  ap_fixed_base operator++(int) {
    const ap_fixed_base old = *this;
    ++*this;
    return old;
  }

  ap_fixed_base operator--(int) {
    const ap_fixed_base old = *this;
    --*this;
    return old;
  }

  ap_fixed_base operator+() const { return *this; }

  // Exact negation: one more bit, always signed (the negated minimum must fit).
  typename ap_detail::result_types<W, I, S, W, I, S>::minus operator-() const {
    typedef typename ap_detail::result_types<W, I, S, W, I, S>::minus R;
    return R::from_raw_bits(ap_detail::u128(0) - bits_);
  }

 private:
  template <class T>
  static int clamp_count(T count) {
    // Any |count| >= W already shifts every bit out; clamping keeps the arithmetic below 128-bit shifts.
    const long long c = static_cast<long long>(count);
    return c > 200 ? 200 : (c < -200 ? -200 : static_cast<int>(c));
  }

  ap_fixed_base shifted(int count, bool left) const {
    if (!left) count = -count;
    if (count >= 0) return from_raw_bits(count >= 128 ? ap_detail::u128(0) : bits_ << count);
    return from_raw_bits(ap_detail::shift_right_floor(to_wide(), -count).bits);
  }

  // Bits of the integer part rounded toward zero, modulo 2^128.
  ap_detail::u128 integer_toward_zero() const {
    const int f = W - I;
    if (f <= 0) return -f >= 128 ? ap_detail::u128(0) : bits_ << -f;
    const ap_detail::wide v = to_wide();
    ap_detail::wide t = ap_detail::shift_right_floor(v, f);
    if (v.neg && ap_detail::any_below(v, f)) t = ap_detail::increment(t);
    return t.bits;
  }

  ap_detail::u128 bits_;
};

// ---- Binary arithmetic: exact, with the full-precision result type. -------------------------------------------

#define CODESIGN_AP_TWO_TYPES \
  template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
#define CODESIGN_AP_LHS const ap_fixed_base<W1, I1, S1, Q1, O1, N1>& a
#define CODESIGN_AP_RHS const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& b
#define CODESIGN_AP_RESULT(kind) typename ap_detail::result_types<W1, I1, S1, W2, I2, S2>::kind

CODESIGN_AP_TWO_TYPES
inline CODESIGN_AP_RESULT(plus) operator+(CODESIGN_AP_LHS, CODESIGN_AP_RHS) {
  typedef CODESIGN_AP_RESULT(plus) R;
  return R::from_raw_bits(ap_detail::align(a.raw_bits(), W1 - I1, R::fwidth) +
                          ap_detail::align(b.raw_bits(), W2 - I2, R::fwidth));
}

CODESIGN_AP_TWO_TYPES
inline CODESIGN_AP_RESULT(minus) operator-(CODESIGN_AP_LHS, CODESIGN_AP_RHS) {
  typedef CODESIGN_AP_RESULT(minus) R;
  return R::from_raw_bits(ap_detail::align(a.raw_bits(), W1 - I1, R::fwidth) -
                          ap_detail::align(b.raw_bits(), W2 - I2, R::fwidth));
}

// The product of the stored (extended) words, modulo 2^128, is exact: it fits in W1 + W2 <= 128 bits.
CODESIGN_AP_TWO_TYPES
inline CODESIGN_AP_RESULT(mult) operator*(CODESIGN_AP_LHS, CODESIGN_AP_RHS) {
  typedef CODESIGN_AP_RESULT(mult) R;
  return R::from_raw_bits(a.raw_bits() * b.raw_bits());
}

CODESIGN_AP_TWO_TYPES
inline int ap_compare(CODESIGN_AP_LHS, CODESIGN_AP_RHS) {
  return ap_detail::compare_scaled(a.to_wide(), W1 - I1, b.to_wide(), W2 - I2);
}

// Operators with a C integer on either side: the integer becomes its exact ap type first.
#define CODESIGN_AP_WITH_C_INT(op)                                                                           \
  template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N, class T,                                  \
            typename std::enable_if<ap_detail::is_c_int<T>::value, int>::type = 0>                           \
  inline auto operator op(const ap_fixed_base<W, I, S, Q, O, N>& a, T b)                                      \
      ->decltype(a op typename ap_detail::c_int<T>::type(b)) {                                               \
    return a op typename ap_detail::c_int<T>::type(b);                                                       \
  }                                                                                                          \
  template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N, class T,                                  \
            typename std::enable_if<ap_detail::is_c_int<T>::value, int>::type = 0>                           \
  inline auto operator op(T a, const ap_fixed_base<W, I, S, Q, O, N>& b)                                      \
      ->decltype(typename ap_detail::c_int<T>::type(a) op b) {                                               \
    return typename ap_detail::c_int<T>::type(a) op b;                                                       \
  }

CODESIGN_AP_WITH_C_INT(+)
CODESIGN_AP_WITH_C_INT(-)
CODESIGN_AP_WITH_C_INT(*)

// ---- Comparisons: exact across any two types, and against C integers. --------------------------------------

#define CODESIGN_AP_COMPARISON(op)                                                                           \
  CODESIGN_AP_TWO_TYPES                                                                                      \
  inline bool operator op(CODESIGN_AP_LHS, CODESIGN_AP_RHS) { return ap_compare(a, b) op 0; }                \
  template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N, class T,                                  \
            typename std::enable_if<ap_detail::is_c_int<T>::value, int>::type = 0>                           \
  inline bool operator op(const ap_fixed_base<W, I, S, Q, O, N>& a, T b) {                                   \
    return ap_compare(a, typename ap_detail::c_int<T>::type(b)) op 0;                                        \
  }                                                                                                          \
  template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N, class T,                                  \
            typename std::enable_if<ap_detail::is_c_int<T>::value, int>::type = 0>                           \
  inline bool operator op(T a, const ap_fixed_base<W, I, S, Q, O, N>& b) {                                   \
    return ap_compare(typename ap_detail::c_int<T>::type(a), b) op 0;                                        \
  }

CODESIGN_AP_COMPARISON(==)
CODESIGN_AP_COMPARISON(!=)
CODESIGN_AP_COMPARISON(<)
CODESIGN_AP_COMPARISON(<=)
CODESIGN_AP_COMPARISON(>)
CODESIGN_AP_COMPARISON(>=)

#undef CODESIGN_AP_COMPARISON
#undef CODESIGN_AP_WITH_C_INT
#undef CODESIGN_AP_RESULT
#undef CODESIGN_AP_RHS
#undef CODESIGN_AP_LHS
#undef CODESIGN_AP_TWO_TYPES

// ---- Streams: exact decimal out, a double in. -------------------------------------------------------------

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
std::ostream& operator<<(std::ostream& os, const ap_fixed_base<W, I, S, Q, O, N>& x) {
  return os << x.to_string(10);
}

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
std::istream& operator>>(std::istream& is, ap_fixed_base<W, I, S, Q, O, N>& x) {
  double value;
  if (is >> value) x = value;
  return is;
}

#endif  // CODESIGN_AP_FIXED_BASE_H

"""Power-of-two fixed-point formats and fake quantization as Codesign.Core.Numerics.FixedPointFormat and
Codesign.Training.Quantization.FakeQuantizer define them: round half to even (torch.round), saturate, STE."""
import math


def _integer_bits_for(magnitude):
    return 0 if magnitude == 0 else math.floor(math.log2(magnitude)) + 1


class Format:
    def __init__(self, signed, total, integer):
        self.signed, self.total, self.integer = signed, total, integer
        self.fractional = total - integer
        self.min_code = -(1 << (total - 1)) if signed else 0
        self.max_code = (1 << (total - 1)) - 1 if signed else (1 << total) - 1

    @staticmethod
    def signed_for_range(max_abs, total):
        return Format(True, total, _integer_bits_for(max_abs) + 1)

    @staticmethod
    def unsigned_for_range(max_value, total):
        return Format(False, total, _integer_bits_for(max_value))


def quantize(x, fmt):
    scale = math.ldexp(1.0, fmt.fractional)
    return (x * scale).round().clamp(fmt.min_code, fmt.max_code) / scale + 0.0


def fake_quantize(x, fmt):
    """Forward: the quantized value; backward: straight through (x + (q(x) - x).detach())."""
    return x + (quantize(x.detach(), fmt) - x).detach()

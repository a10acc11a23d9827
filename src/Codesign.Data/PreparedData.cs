using Codesign.Data.Scaling;

namespace Codesign.Data;

/// <summary>The data stage's result: standardized splits and the scaler that standardized them.</summary>
public sealed record PreparedData(Dataset Dataset, StandardScaler Scaler);

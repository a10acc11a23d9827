using Codesign.Core.Diagnostics;

namespace Codesign.Data.Arff;

internal enum ArffAttributeKind
{
    /// <summary>NUMERIC, REAL or INTEGER: ARFF treats the three alike.</summary>
    Numeric,

    /// <summary>A list of values in braces, <c>{g,q,w,z,t}</c>; their order is the class order for a nominal label.</summary>
    Nominal,

    String,

    Date,
}

/// <summary>One <c>@ATTRIBUTE</c> declaration: a column of the data rows, in declaration order.</summary>
/// <param name="Location">Where the declaration's name is, for messages about the attribute.</param>
internal sealed record ArffAttribute(string Name, ArffAttributeKind Kind, IReadOnlyList<string> NominalValues, SourceSpan Location);

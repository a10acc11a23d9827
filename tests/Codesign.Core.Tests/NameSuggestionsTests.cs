using Codesign.Core.Diagnostics;

namespace Codesign.Core.Tests;

public sealed class NameSuggestionsTests
{
    private static readonly string[] Columns = ["j_mass_mmdt", "j_multiplicity", "label", "pt"];

    [Theory]
    [InlineData("J_MASS_MMDT", "j_mass_mmdt")]
    [InlineData("j_mas_mmdt", "j_mass_mmdt")]
    [InlineData("lable", "label")]
    [InlineData("Pt", "pt")]
    [InlineData("energy", null)]
    [InlineData("px", "pt")]
    public void Suggests_case_or_small_edit_matches_only(string requested, string? expected)
    {
        Assert.Equal(expected, NameSuggestions.ClosestMatch(requested, Columns));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("lable", "label", 1)]
    public void Edit_distance_counts_adjacent_swaps_as_one(string a, string b, int distance)
    {
        Assert.Equal(distance, NameSuggestions.EditDistance(a, b));
    }

    [Fact]
    public void Long_name_lists_are_shortened()
    {
        var names = Enumerable.Range(0, 45).Select(i => $"c{i}").ToArray();

        Assert.Equal("c0, c1, c2", NameSuggestions.Enumerate(names[..3]));
        Assert.EndsWith("c39, ... (5 more)", NameSuggestions.Enumerate(names), StringComparison.Ordinal);
    }
}

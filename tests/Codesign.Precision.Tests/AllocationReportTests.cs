namespace Codesign.Precision.Tests;

public sealed class AllocationReportTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("codesign-precision-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void The_report_round_trips_through_allocation_json()
    {
        var result = Allocate();
        var path = Path.Combine(directory, "allocation.json");
        var report = AllocationReport.From(result);
        report.Write(path);

        var read = AllocationReport.Read(path);
        Assert.Equal(File.ReadAllText(path), read.ToJson());
        Assert.Equal(result.Objective, read.Objective);
        Assert.Equal(result.WeightBits, read.Layers.Select(layer => layer.WeightBits));
        Assert.Equal(result.Budgets, read.Budgets);
        Assert.Equal(result.Sensitivities.Row(2), read.Layers[2].Omegas.Select(o => o.Omega));
        Assert.Equal(new AllocationReport.ActivationRuleEntry(16, null, 3), read.Activations);
    }

    [Fact]
    public void The_report_is_plain_deterministic_json()
    {
        var first = AllocationReport.From(Allocate()).ToJson();
        var second = AllocationReport.From(Allocate()).ToJson();

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"optimal\"", first, StringComparison.Ordinal);
        Assert.Contains("\"weight_bits\": ", first, StringComparison.Ordinal);
        Assert.Contains("\"cost_model\": \"bops\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("solve_time", first, StringComparison.Ordinal);
    }

    private static AllocationResult Allocate() => new BitAllocator().Allocate(new AllocationRequest
    {
        Layers = TestNetworks.JetTagger(),
        Budgets = [CostBudget.FractionOfUniform(new BopsCostModel(), 0.5)],
    });
}

using FsCheck;
using FsCheck.Fluent;
using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Tests.Organisations;

public sealed class CsvRoundTripProperties
{
    [Fact]
    public void ExportThenImport_AnyTreeWithAwkwardNames_SameCommittees()
    {
        var names = Gen.Elements("碧鸡街道关工委", "龙门村关工委（\"五好\"示范点）", "A, B 社区", "分号;与，逗号", "  前后空格  ", "普通");
        var inputs =
            from committees in TreeProperties.Trees()
            from picked in Gen.ArrayOf(names, committees.Count)
            select (IReadOnlyList<Committee>)committees.Select((c, i) => c with { Name = picked[i] }).ToList();

        Prop.ForAll(inputs.ToArbitrary(), committees =>
        {
            var tree = OrganisationTree.Build(committees).Value;
            var back = CommitteeCsvImporter.Import(CommitteeCsvExporter.Export(tree));
            return back.IsSuccess
                && back.Value.Committees.Count == committees.Count
                && back.Value.Committees.Zip(committees).All(p =>
                    p.First.Code == p.Second.Code
                    && p.First.Name == p.Second.Name.Trim() // the importer trims names, quoted or not
                    && p.First.Level == p.Second.Level
                    && p.First.Kind == p.Second.Kind
                    && p.First.ParentCode == p.Second.ParentCode
                    && p.First.Reviewers.SequenceEqual(p.Second.Reviewers)
                    && p.First.FallbackReviewer == p.Second.FallbackReviewer);
        }).QuickCheckThrowOnFailure();
    }
}

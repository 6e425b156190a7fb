using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using WorkPolicy.Loading;
using Xunit;
using Staff = WorkPolicy.Tests.Querying.ResidualQueryTests.Staff;

namespace WorkPolicy.Tests.Querying;

/// <summary>
/// The residual's LINQ predicate run by EF Core on SQLite, as an HR app's DbContext would run it: EF translates the tree
/// to SQL, and the ids it returns for each mode are exactly the employees the engine decides that mode for.
/// </summary>
public class ResidualEfCoreTests
{
    private sealed class HrContext(SqliteConnection connection) : DbContext
    {
        public DbSet<Staff> Staff => Set<Staff>();

        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite(connection);

        protected override void OnModelCreating(ModelBuilder model)
        {
            var staff = model.Entity<Staff>();
            staff.HasKey(s => s.Id);
            staff.Property(s => s.Employment).HasConversion<string>();
            staff.Property(s => s.Position).HasConversion<string>();
            // Dates as the ISO text SQLite keeps: they order as dates do.
            staff.Property(s => s.BirthDate).HasConversion(d => d.HasValue ? LocalDatePattern.Iso.Format(d.Value) : null, t => t == null ? null : LocalDatePattern.Iso.Parse(t).Value);
            staff.OwnsOne(s => s.Health);
        }
    }

    [Theory]
    [InlineData("samples/circulars", "2021-07-30")]
    [InlineData("samples/circulars/national", "2021-07-08")]
    [InlineData("samples/circulars/kendari", "2020-06-08")]
    [InlineData("samples/circulars/boyolali", "2020-09-15")]
    public void Ef_core_returns_for_each_mode_exactly_the_employees_the_engine_decides_it_for(string ruleSet, string date)
    {
        var on = LocalDatePattern.Iso.Parse(date).Value;
        var engine = PolicyEngine.Load(Repo.Path(ruleSet.Split('/'))).Value!;
        var vocabulary = RuleLoader.LoadRuleSet([Repo.Path(ruleSet.Split('/'))]).Vocabulary;
        var fields = vocabulary.Fields.Values.Where(f => f.Path.StartsWith("employee.", StringComparison.Ordinal) && !f.Path.StartsWith("employee.status.", StringComparison.Ordinal)).ToList();
        var facts = engine.Facts.Build(ResidualQueryTests.Population(vocabulary, fields, [], on, seed: 4)).Value!;
        var residual = engine.Analysis.Residual(facts, on).Value!;

        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var db = new HrContext(connection))
        {
            db.Database.EnsureCreated();
            db.Staff.AddRange(facts.File.Employees.Select(Staff.Of));
            db.SaveChanges();
        }
        var decided = engine.DecideAll(facts, on, on).GroupBy(d => d.Mode).ToDictionary(g => g.Key, g => g.Select(d => d.Employee).Order(StringComparer.Ordinal).ToList());
        using var query = new HrContext(connection);
        foreach (var mode in Enum.GetValues<WorkMode>())
        {
            var ids = query.Staff.Where(residual.ToExpression<Staff>(mode)).Select(s => s.Id).ToList().Order(StringComparer.Ordinal);
            ids.Should().Equal(decided.GetValueOrDefault(mode, []), $"{ruleSet} on {date}: {mode.Word()}");
        }
    }
}

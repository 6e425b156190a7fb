using FluentAssertions;
using Xunit;

namespace WorkPolicy.Tests.Cli;

/// <summary><c>workpolicy query</c>: the residual's terms as text, the SQL with its parameters, and usage errors that say what is missing.</summary>
public class QueryCommandTests
{
    private static readonly string Samples = Repo.Path("samples", "circulars");
    private static readonly string Facts = Repo.Path("samples", "facts", "sample.facts.yaml");
    private static readonly string Mapping = Repo.Path("samples", "query", "hr.mapping.yaml");

    [Fact]
    public void Terms_of_one_mode_name_their_provisions_units_and_conditions()
    {
        var (code, output, _) = Shell.Run("query", Samples, "--facts", Facts, "--on", "2021-07-30", "--mode", "office");
        code.Should().Be(0);
        output.Should().Contain("palopo-2021-wfh/p2-critical-service: unit in {dinkes-plp, puskesmas-wara}")
            .And.Contain("luwu-utara-2021-wfh/exempt-kecamatan-kelurahan: unit in {kec-masamba} and employee.employment in {pns, pppk}");
    }

    [Fact]
    public void Sql_keeps_every_value_a_parameter_and_writes_codes_as_the_mapping_says()
    {
        var (code, output, _) = Shell.Run("query", Samples, "--facts", Facts, "--on", "2021-07-30", "--mode", "office", "--sql", "postgres", "--map", Mapping);
        code.Should().Be(0);
        output.Should().StartWith("SELECT t.\"nip\" FROM \"hr\".\"pegawai\" AS t").And.NotContain("'pns'").And.Contain("-- @p2 = \"pns\"").And.Contain("= \"Pelaksana\"");
    }

    [Fact]
    public void Sql_without_a_mode_or_a_mapping_is_a_usage_error()
    {
        var (code, _, err) = Shell.Run("query", Samples, "--facts", Facts, "--on", "2021-07-30", "--sql", "sqlite");
        code.Should().Be(2);
        err.Should().Contain("--sql needs --mode and --map");
        Shell.Run("query", Samples, "--facts", Facts, "--on", "2021-07-30", "--mode", "officer").Err.Should().Contain("'officer' is not a mode");
    }
}

using FluentAssertions;
using WorkPolicy.Loading;
using WorkPolicy.Output;
using WorkPolicy.Ast;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Comments are trivia of the declaration they precede or end: the canonical layout writes them back at its place,
/// and converting carries them into the other encoding (<c>#</c> in both) and back, unchanged.
/// </summary>
public class CommentTests
{
    // Every place a comment attaches to, each comment naming where it should stay.
    private const string Commented = """
        # before the vocabulary
        vocabulary v {
          # before a field
          field employee.employment: one-of { pns, pppk }
          # before a definition
          define asn = employee.employment in { pns, pppk }
          # before a region
          region kota-palopo name "Kota Palopo" zone Asia/Makassar
          # ends the vocabulary
        }

        # before the circular
        circular c {
          number "1"
          issuer "x"
          region kota-palopo
          period from 2021-07-29

          # before a provision
          provision p1 {
            cite "1" "a"
            scope asn
            mode home
            # before an obligation
            obligation report {
              to atasan-langsung
            }
            # ends the provision
          }

          provision p2 {
            cite "2" "b"
            mode office
          }
          # ends the circular
        }

        # ends the file

        """;

    private static RuleFile Parse(string path, string text, RuleEncoding encoding)
    {
        var parsed = RuleLoader.Parse(path, text, encoding);
        parsed.Diagnostics.Should().BeEmpty();
        return parsed.File;
    }

    [Fact]
    public void The_canonical_layout_writes_every_comment_back_where_it_was()
    {
        var file = Parse("c.wp", Commented, RuleEncoding.Dsl);
        Canonical.Print(file, RuleEncoding.Dsl).Should().Be(Commented);
        file.Comments.Before(file.Circulars[0].Provisions[0].Obligations[0]).Should().Equal("before an obligation");
        file.Comments.End(file.Circulars[0].Provisions[0]).Should().Equal("ends the provision");
        file.Comments.Trailing.Should().Equal("ends the file");
    }

    [Fact]
    public void Converting_carries_the_comments_to_yaml_and_back()
    {
        var yaml = Canonical.Print(Parse("c.wp", Commented, RuleEncoding.Dsl), RuleEncoding.Yaml, "c.yaml");
        foreach (var line in Commented.Split('\n').Where(l => l.TrimStart().StartsWith('#')))
            yaml.Should().Contain(line.Trim());
        yaml.Should().Contain("      # before a provision\n      - id: p1").And.Contain("        # ends the provision\n      - id: p2");
        var back = Parse("c.yaml", yaml, RuleEncoding.Yaml);
        Canonical.Print(back, RuleEncoding.Yaml, "c.yaml").Should().Be(yaml, "YAML reads its own layout back");
        Canonical.Print(back, RuleEncoding.Dsl).Should().Be(Commented, "and the DSL written from it is the original");
    }

    [Fact]
    public void A_yaml_comment_before_an_item_belongs_to_the_item_and_one_indented_as_members_ends_the_block()
    {
        const string Yaml = """
            circulars:
              - id: c
                number: "1"
                issuer: "x"
                regions: [kota-palopo]
                period:
                  from: 2021-07-29
                provisions:
                  - id: p1
                    cite: { point: "1", quote: "a" }
                    mode: home
                    # about p1, at its members' indentation
                  # about p2, at the items' indentation
                  - id: p2
                    cite: { point: "2", quote: "b" }
                    mode: office
            """;
        var file = Parse("c.yaml", Yaml, RuleEncoding.Yaml);
        var (p1, p2) = (file.Circulars[0].Provisions[0], file.Circulars[0].Provisions[1]);
        file.Comments.End(p1).Should().Equal("about p1, at its members' indentation");
        file.Comments.Before(p2).Should().Equal("about p2, at the items' indentation");
    }

    [Fact]
    public void A_comment_at_the_end_of_a_line_goes_with_that_line_and_a_hash_in_text_is_no_comment()
    {
        var file = Parse("c.wp", """
            circular c { # the Wali Kota's
              number "800/#1"
              issuer "x"
              region kota-palopo
              period from 2021-07-29
              provision p1 { # why
                cite "1" "see #2"
                mode home
              }
            }
            """, RuleEncoding.Dsl);
        file.Comments.Before(file.Circulars[0]).Should().Equal("the Wali Kota's");
        file.Comments.Before(file.Circulars[0].Provisions[0]).Should().Equal("why");
        file.Circulars[0].Number.Should().Be("800/#1");
        Canonical.Print(file, RuleEncoding.Dsl).Should().StartWith("# the Wali Kota's\ncircular c {\n");
    }
}

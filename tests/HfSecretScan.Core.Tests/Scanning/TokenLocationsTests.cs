using HfSecretScan.Detection;

namespace HfSecretScan.Tests.Scanning;

/// <summary>Tokens are found wherever they land: {U} stands for a user token, {O} for an org token.</summary>
[TestClass]
public sealed class TokenLocationsTests
{
    [TestMethod]
    [DataRow("python", "from huggingface_hub import login\n\nlogin(token=\"{U}\")\napi = HfApi(token='{U}')\n")]
    [DataRow("python use_auth_token", "model = AutoModel.from_pretrained(name, use_auth_token=\"{U}\")\n")]
    [DataRow("csharp", "var client = new HttpClient();\r\nclient.DefaultRequestHeaders.Add(\"Authorization\", $\"Bearer {U}\");\r\n")]
    [DataRow("csharp verbatim", "const string Token = @\"{U}\";")]
    [DataRow("javascript", "const hf = new HfInference('{U}');\nfetch(url, {headers: {Authorization: `Bearer {U}`}})")]
    [DataRow("go", "package main\n\nconst token = \"{U}\"\n")]
    [DataRow("rust", "let api = Api::new().with_token(Some(\"{U}\".into()));")]
    [DataRow("java", "String token = \"{U}\"; // TODO rotate")]
    [DataRow("powershell", "$env:HF_TOKEN=\"{U}\"")]
    [DataRow("sql", "INSERT INTO secrets VALUES ('hf', '{U}');")]
    [DataRow("csv", "name,token,org\nci,{U},{O}\n")]
    [DataRow("dotenv", "# local settings\nHF_TOKEN={U}\nHUGGING_FACE_HUB_TOKEN=\"{U}\"\n")]
    [DataRow("dockerfile", "FROM python:3.12\nENV HF_TOKEN={U}\nRUN huggingface-cli login --token {U}\n")]
    [DataRow("shell", "#!/bin/sh\nexport HF_TOKEN={U}\nhuggingface-cli login --token=$HF_TOKEN\ncurl -H \"Authorization: Bearer {U}\" https://huggingface.co/api/whoami-v2\n")]
    [DataRow("ini stored_tokens", "[default]\nhf_token = {U}\n\n[org]\nhf_token={O}\n")]
    [DataRow("yaml", "env:\n  HF_TOKEN: {U}\n  ORG: \"{O}\"\nsteps:\n  - run: echo ${{ secrets.X }}\n")]
    [DataRow("json", "{\"hf_token\":\"{U}\",\"org\":[\"{O}\"]}")]
    [DataRow("xml", "<configuration>\n  <add key=\"HfToken\" value=\"{U}\"/>\n  <Token>{O}</Token>\n</configuration>")]
    [DataRow("toml", "[huggingface]\ntoken = \"{U}\"\norg_token = '''{O}'''\n")]
    [DataRow("markdown", "# Setup\n\nRun `huggingface-cli login --token {U}` first.\n\n```bash\nexport HF_TOKEN={U}\n```\n")]
    [DataRow("notebook", "{\"cells\":[{\"cell_type\":\"code\",\"source\":[\"login(\\\"{U}\\\")\\n\"],\"outputs\":[{\"output_type\":\"stream\",\"text\":[\"token:\\n{U}\\n\",\"\\t{O}\"]}]}]}")]
    [DataRow("log", "2024-06-01T10:00:00Z DEBUG env={\\\"HF_TOKEN\\\":\\\"{U}\\\"}\\r\\n")]
    [DataRow("git credentials", "https://hf_user:{U}@huggingface.co\n")]
    [DataRow("url with credentials", "git clone https://user:{U}@huggingface.co/spaces/org/app\n")]
    [DataRow("url query", "https://example.com/hook?token={U}&next=1 https://x.test/#access_token={U}\n")]
    [DataRow("url encoded", "https%3A%2F%2Fu%3A{U}%40huggingface.co")]
    [DataRow("http header", "GET /api/whoami-v2 HTTP/1.1\r\nHost: huggingface.co\r\nAuthorization: Bearer {U}\r\n\r\n")]
    [DataRow("makefile", "login:\n\thuggingface-cli login --token {U}\n")]
    [DataRow("html", "<script>window.HF=\"{U}\";</script><p>{O}</p>")]
    public void FindsTokenIn(string kind, string template)
    {
        string user = TestTokens.User(101), org = TestTokens.Org(102);
        string text = template.Replace("{U}", user, StringComparison.Ordinal).Replace("{O}", org, StringComparison.Ordinal);
        var expected = new List<(int Index, string Token)>();
        foreach (string token in new[] { user, org })
        {
            for (int i = text.IndexOf(token, StringComparison.Ordinal); i >= 0; i = text.IndexOf(token, i + 1, StringComparison.Ordinal))
            {
                expected.Add((i, token));
            }
        }

        Assert.IsNotEmpty(expected, kind);
        expected.Sort();
        var want = expected.Select(e => { var (line, column) = TextLayouts.Position(text, e.Index); return $"{e.Token}@{line}:{column}"; }).ToArray();
        foreach (var layout in TextLayouts.All)
        {
            CollectionAssert.AreEqual(want, Scans.Describe(Scans.Text(text, layout)), $"{kind} in {layout}");
        }
    }

    [TestMethod]
    public void ReportsTheRuleOfEachToken()
    {
        var scan = Scans.Text($"{TestTokens.Org(1)} {TestTokens.User(2)}");
        CollectionAssert.AreEqual(new[] { TokenRules.OrgToken, TokenRules.UserToken }, scan.Tokens.Select(t => t.Token.Rule).ToArray());
    }
}

#Requires -Version 7.2
# Pester 5 tests for tools/HelpBuilder. Run from the repo root:
#   Import-Module <Pester 5 psd1>; Invoke-Pester -Path tests/HelpBuilder -Output Detailed

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../tools/HelpBuilder/HelpBuilder.psm1') -Force
    $fixtures = Join-Path $PSScriptRoot 'fixtures'
    $cmdletPages = @('Get-FakeWidget.md', 'Remove-FakeWidget.md') | ForEach-Object { Join-Path $fixtures $_ }
    $aboutPage = Join-Path $fixtures 'about_FakeWidgets.md'

    # XPath over MAML needs its namespaces bound to prefixes.
    function Select-Maml([System.Xml.XmlNode]$Node, [string]$XPath) {
        $document = if ($Node -is [xml]) { $Node } else { $Node.OwnerDocument }
        $nsm = [System.Xml.XmlNamespaceManager]::new($document.NameTable)
        $nsm.AddNamespace('msh', 'http://msh')
        $nsm.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $nsm.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $nsm.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        $Node.SelectNodes($XPath, $nsm)
    }

    # A copy of a fixture with one edit applied, to provoke exactly one error.
    function New-BrokenCopy([string]$Fixture, [string]$Find, [string]$Replace) {
        $text = [IO.File]::ReadAllText((Join-Path $fixtures $Fixture)) -replace '\r\n', "`n"
        if (-not $text.Contains($Find)) { throw "Test setup: '$Find' not found in $Fixture" }
        $dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $path = Join-Path $dir $Fixture
        [IO.File]::WriteAllText($path, $text.Replace($Find, $Replace))
        $path
    }
}

AfterAll {
    Remove-Module HelpBuilder -ErrorAction Ignore
}

Describe 'ConvertTo-MamlHelp' {
    BeforeAll {
        $xmlPath = Join-Path $TestDrive 'out/FakeModule.dll-Help.xml'
        # All fixture pages, so the module page and the about page must be skipped.
        $allPages = (Get-ChildItem -Path $fixtures -Filter *.md | Sort-Object Name).FullName
        $returned = ConvertTo-MamlHelp -Path $allPages -OutputPath $xmlPath
        $bytes = [IO.File]::ReadAllBytes($xmlPath)
        $doc = [xml]::new()
        $doc.LoadXml([Text.Encoding]::UTF8.GetString($bytes))
        $get = @(Select-Maml $doc "/msh:helpItems/command:command[command:details/command:name='Get-FakeWidget']")[0]
    }

    It 'returns the path it wrote and leaves no temp file behind' {
        $returned | Should -Be $xmlPath
        Get-ChildItem -Path (Split-Path $xmlPath) -Force | ForEach-Object Name | Should -Be 'FakeModule.dll-Help.xml'
    }

    It 'writes well-formed UTF-8 XML with a MAML helpItems root' {
        $doc.xml | Should -Match 'encoding="utf-8"'
        $doc.DocumentElement.LocalName | Should -Be 'helpItems'
        $doc.DocumentElement.NamespaceURI | Should -Be 'http://msh'
        $doc.DocumentElement.GetAttribute('schema') | Should -Be 'maml'
        # Strict UTF-8 decode throws on invalid bytes.
        { [Text.UTF8Encoding]::new($false, $true).GetString($bytes) } | Should -Not -Throw
    }

    It 'writes one command per cmdlet page, skipping the module page and the about page' {
        $names = (Select-Maml $doc '/msh:helpItems/command:command/command:details/command:name').InnerText
        $names | Should -Be @('Get-FakeWidget', 'Remove-FakeWidget')
    }

    It 'declares the MAML namespaces on each command' {
        $get.GetAttribute('xmlns:maml') | Should -Be 'http://schemas.microsoft.com/maml/2004/10'
        $get.GetAttribute('xmlns:dev') | Should -Be 'http://schemas.microsoft.com/maml/dev/2004/10'
        $get.GetAttribute('xmlns:MSHelp') | Should -Be 'http://msdn.microsoft.com/mshelp'
    }

    It 'writes name, verb, noun and synopsis' {
        (Select-Maml $get 'command:details/command:verb').InnerText | Should -Be 'Get'
        (Select-Maml $get 'command:details/command:noun').InnerText | Should -Be 'FakeWidget'
        (Select-Maml $get 'command:details/maml:description/maml:para').InnerText |
            Should -Be 'Gets widgets from the fake widget store.'
    }

    It 'writes description paragraphs, joining soft-wrapped lines and keeping list items apart' {
        $paras = (Select-Maml $get 'maml:description/maml:para').InnerText
        $paras | Should -HaveCount 4
        $paras[0] | Should -Be 'The Get-FakeWidget cmdlet gets widgets from the fake widget store. It can look widgets up by name or by numeric identifier.'
        $paras[3] | Should -Be '- archived widgets are never returned'
    }

    It 'writes one syntax item per parameter set' {
        Select-Maml $get 'command:syntax/command:syntaxItem' | Should -HaveCount 2
        $remove = @(Select-Maml $doc "//command:command[command:details/command:name='Remove-FakeWidget']")[0]
        Select-Maml $remove 'command:syntax/command:syntaxItem' | Should -HaveCount 1
    }

    It 'lists syntax parameters in SYNTAX order for set <Index>' -TestCases @(
        @{ Index = 1; Expected = @('Name', 'Scope', 'Kind', 'IncludeHidden') }
        @{ Index = 2; Expected = @('Id', 'Scope', 'Kind', 'IncludeHidden') }
    ) {
        $item = @(Select-Maml $get "command:syntax/command:syntaxItem[$Index]")[0]
        (Select-Maml $item 'maml:name').InnerText | Should -Be 'Get-FakeWidget'
        (Select-Maml $item 'command:parameter/maml:name').InnerText | Should -Be $Expected
    }

    It 'takes per-set attributes from the yaml block of that set' {
        $byName = @(Select-Maml $get "command:syntax/command:syntaxItem[1]/command:parameter[maml:name='Scope']")[0]
        $byId = @(Select-Maml $get "command:syntax/command:syntaxItem[2]/command:parameter[maml:name='Scope']")[0]
        $byName.required, $byName.position | Should -Be @('false', '1')
        $byId.required, $byId.position | Should -Be @('true', 'named')
        $name = @(Select-Maml $get "command:syntax/command:syntaxItem[1]/command:parameter[maml:name='Name']")[0]
        $name.pipelineInput | Should -Be 'True (ByValue, ByPropertyName)'
    }

    It 'gives a switch no value placeholder in syntax but a SwitchParameter value in parameters' {
        Select-Maml $get "command:syntax/command:syntaxItem[1]/command:parameter[maml:name='IncludeHidden']/command:parameterValue" |
            Should -HaveCount 0
        (Select-Maml $get "command:parameters/command:parameter[maml:name='IncludeHidden']/command:parameterValue").InnerText |
            Should -Be 'SwitchParameter'
    }

    It 'documents -<Name> with description, type and attributes' -TestCases @(
        @{ Name = 'Id'; Type = 'Int32'; Required = 'true'; Position = '0'; Pipeline = 'True (ByPropertyName)'; Aliases = 'none'; Default = 'None'; Globbing = 'false'; Description = 'Specifies the numeric identifier of the widget to get.' }
        @{ Name = 'IncludeHidden'; Type = 'SwitchParameter'; Required = 'false'; Position = 'named'; Pipeline = 'False'; Aliases = 'none'; Default = 'False'; Globbing = 'false'; Description = 'Indicates that this cmdlet also returns hidden widgets.' }
        @{ Name = 'Kind'; Type = 'String'; Required = 'false'; Position = 'named'; Pipeline = 'False'; Aliases = 'none'; Default = 'Gear'; Globbing = 'false'; Description = 'Specifies the kind of widget to get. The default is Gear.' }
        @{ Name = 'Name'; Type = 'String[]'; Required = 'true'; Position = '0'; Pipeline = 'True (ByValue, ByPropertyName)'; Aliases = 'WidgetName'; Default = 'None'; Globbing = 'true'; Description = 'Specifies the names of the widgets to get. Wildcards are permitted.' }
        # -Scope has two yaml blocks; the parameters section uses the first one.
        @{ Name = 'Scope'; Type = 'String'; Required = 'false'; Position = '1'; Pipeline = 'False'; Aliases = 'none'; Default = 'Local'; Globbing = 'false'; Description = 'Specifies the store scope to search.' }
    ) {
        $p = @(Select-Maml $get "command:parameters/command:parameter[maml:name='$Name']")
        $p | Should -HaveCount 1
        $p = $p[0]
        (Select-Maml $p 'maml:description/maml:para').InnerText | Should -Be $Description
        (Select-Maml $p 'dev:type/maml:name').InnerText | Should -Be $Type
        (Select-Maml $p 'dev:defaultValue').InnerText | Should -Be $Default
        $p.required | Should -Be $Required
        $p.position | Should -Be $Position
        $p.pipelineInput | Should -Be $Pipeline
        $p.aliases | Should -Be $Aliases
        $p.globbing | Should -Be $Globbing
    }

    It 'documents exactly the page parameters (CommonParameters is not one)' {
        (Select-Maml $get 'command:parameters/command:parameter/maml:name').InnerText |
            Should -Be @('Id', 'IncludeHidden', 'Kind', 'Name', 'Scope')
    }

    It 'writes Accepted values as a parameterValueGroup, a value named None included' {
        $values = Select-Maml $get "command:parameters/command:parameter[maml:name='Kind']/command:parameterValueGroup/command:parameterValue"
        $values.InnerText | Should -Be @('Gear', 'Sprocket', 'Cog', 'None')
        Select-Maml $get "command:parameters/command:parameter[maml:name='Name']/command:parameterValueGroup" | Should -HaveCount 0
    }

    It 'writes input and output types with descriptions' {
        (Select-Maml $get 'command:inputTypes/command:inputType/dev:type/maml:name').InnerText |
            Should -Be @('System.String[]', 'System.Int32')
        (Select-Maml $get 'command:inputTypes/command:inputType[2]/maml:description/maml:para').InnerText |
            Should -Be 'You can pipe objects with an Id property to this cmdlet.'
        (Select-Maml $get 'command:returnValues/command:returnValue/dev:type/maml:name').InnerText | Should -Be 'FakeModule.Widget'
    }

    It 'writes notes, with markup characters escaped rather than breaking the XML' {
        (Select-Maml $get 'maml:alertSet/maml:alert/maml:para').InnerText |
            Should -Be 'Widgets are cached for 5 minutes; use <Clear-FakeWidgetCache> & retry when results look stale.'
    }

    It 'writes examples with title, code and remarks' {
        $examples = @(Select-Maml $get 'command:examples/command:example')
        $examples | Should -HaveCount 2
        (Select-Maml $examples[0] 'maml:title').InnerText | Should -Match '^-+ Example 1: Get a widget by name -+$'
        (Select-Maml $examples[0] 'dev:code').InnerText | Should -Be "PS C:\> Get-FakeWidget -Name 'sprocket-*'"
        (Select-Maml $examples[1] 'dev:remarks/maml:para').InnerText |
            Should -Be 'This command gets widgets 42 and 43, including hidden ones. Only cogs are returned.'
    }

    It 'writes related links: online version first, relative links without uri' {
        $links = @(Select-Maml $get 'command:relatedLinks/maml:navigationLink')
        (Select-Maml $get 'command:relatedLinks/maml:navigationLink/maml:linkText').InnerText |
            Should -Be @('Online Version:', 'Remove-FakeWidget', 'about_FakeWidgets')
        (Select-Maml $links[0] 'maml:uri').InnerText | Should -Be 'https://example.invalid/FakeModule/Get-FakeWidget'
        (Select-Maml $links[1] 'maml:uri').InnerText | Should -BeNullOrEmpty
        (Select-Maml $links[2] 'maml:uri').InnerText | Should -Be 'https://example.invalid/FakeModule/about_FakeWidgets'
    }

    It 'accepts paths from the pipeline' {
        $out = Join-Path $TestDrive 'pipe/Help.xml'
        Get-ChildItem -Path $cmdletPages[1] | ConvertTo-MamlHelp -OutputPath $out | Should -Be $out
        ([xml](Get-Content -Raw $out)).helpItems.command.details.name | Should -Be 'Remove-FakeWidget'
    }
}

Describe 'ConvertTo-AboutHelpText' {
    BeforeAll {
        $txtPath = Join-Path $TestDrive 'about/about_FakeWidgets.help.txt'
        $returned = ConvertTo-AboutHelpText -Path $aboutPage -OutputPath $txtPath
        $text = [IO.File]::ReadAllText($txtPath)
        $lines = $text -split "`n"
        $codeLine = "    Get-FakeWidget -Name 'gear-*' | Where-Object Kind -eq Gear | Sort-Object -Property Name -Descending"
    }

    It 'returns the path it wrote' {
        $returned | Should -Be $txtPath
    }

    It 'starts with TOPIC and the short description' {
        $text | Should -BeLike "TOPIC`n    about_FakeWidgets`n`nSHORT DESCRIPTION`n    Explains how fake widgets are stored, found and removed.`n`nLONG DESCRIPTION`n*"
    }

    It 'writes every heading upper-case and flush left' {
        $lines | Where-Object { $_ -cmatch '^[A-Z][A-Z ]+$' } | Should -Be @('TOPIC', 'SHORT DESCRIPTION', 'LONG DESCRIPTION', 'FINDING WIDGETS', 'SEE ALSO')
    }

    It 'indents all body text by at least 4 spaces' {
        $body = $lines | Where-Object { $_ -and $_ -cnotmatch '^[A-Z][A-Z ]+$' }
        $body | Should -Not -BeNullOrEmpty
        $body | Where-Object { $_ -notmatch '^    \S' -and $_ -notmatch '^      \S' } | Should -BeNullOrEmpty
    }

    It 'wraps prose at 80 columns but keeps code lines whole' {
        $lines | Where-Object { $_.Length -gt 80 } | Should -Be @($codeLine)
        $lines | Should -Contain '    Each widget has a name, a numeric identifier and a kind, and the store keeps'
    }

    It 'wraps list items with a hanging indent' {
        $lines | Should -Contain '    - Sprocket, for widgets that connect two gears together in a very long chain'
        $lines | Should -Contain '      of parts'
    }

    It 'keeps the author''s line breaks in short lines' {
        $text | Should -Match "SEE ALSO`n    Get-FakeWidget`n    Remove-FakeWidget`n$"
    }
}

Describe 'Generated help works with Get-Help' {
    BeforeAll {
        # A script module whose function has no comment-based help, only .ExternalHelp pointing at our MAML.
        $modulesRoot = Join-Path $TestDrive 'modules'
        $moduleDir = Join-Path $modulesRoot 'FakeModule'
        New-Item -ItemType Directory -Path $moduleDir | Out-Null
        Set-Content -Path (Join-Path $moduleDir 'FakeModule.psm1') -Value @'
function Get-FakeWidget {
    # .ExternalHelp FakeModule-Help.xml
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'ByName', ValueFromPipeline)]
        [Alias('WidgetName')] [string[]]$Name,
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'ById')] [int]$Id,
        [string]$Scope,
        [ValidateSet('Gear', 'Sprocket', 'Cog', 'None')] [string]$Kind = 'Gear',
        [switch]$IncludeHidden
    )
}
'@
        ConvertTo-MamlHelp -Path $cmdletPages -OutputPath (Join-Path $moduleDir 'en-US/FakeModule-Help.xml') | Out-Null
        ConvertTo-AboutHelpText -Path $aboutPage -OutputPath (Join-Path $moduleDir 'en-US/about_FakeWidgets.help.txt') | Out-Null

        # Get-Help finds about_ topics only in modules under $env:PSModulePath.
        $savedModulePath = $env:PSModulePath
        $env:PSModulePath = $modulesRoot + [IO.Path]::PathSeparator + $env:PSModulePath
        Import-Module FakeModule -Force
    }

    AfterAll {
        Remove-Module FakeModule -ErrorAction Ignore
        $env:PSModulePath = $savedModulePath
    }

    It 'Get-Help reads the synopsis and syntax from the MAML' {
        $help = Get-Help Get-FakeWidget
        # Without the MAML, PowerShell would make up a synopsis from the syntax.
        $help.Synopsis | Should -Be 'Gets widgets from the fake widget store.'
        @($help.syntax.syntaxItem) | Should -HaveCount 2
    }

    It 'Get-Help -Full shows the synopsis, a parameter description and an example' {
        $full = Get-Help Get-FakeWidget -Full | Out-String -Width 250
        $full | Should -Match 'Gets widgets from the fake widget store\.'
        $full | Should -Match 'Specifies the names of the widgets to get\. Wildcards are permitted\.'
        $full | Should -Match 'Accept pipeline input\?\s+True \(ByValue, ByPropertyName\)'
        $full | Should -Match 'Example 2: Get hidden cogs by id'
        $full | Should -Match ([regex]::Escape('42, 43 | ForEach-Object { Get-FakeWidget -Id $_ -Scope Global -Kind Cog -IncludeHidden }'))
        $full | Should -Match ([regex]::Escape('-Kind {Gear | Sprocket | Cog | None}'))
    }

    It 'Get-Help about_FakeWidgets shows the about topic' {
        $about = Get-Help about_FakeWidgets | Out-String
        $about | Should -Match 'SHORT DESCRIPTION\s+Explains how fake widgets are stored, found and removed\.'
        $about | Should -Match 'FINDING WIDGETS'
    }
}

Describe 'Build-ModuleHelp' {
    It 'writes <ModuleName>.dll-Help.xml and one help.txt per about page, returning their paths' {
        $out = Join-Path $TestDrive 'build/en-US'
        $written = Build-ModuleHelp -DocsPath $fixtures -OutputPath $out -ModuleName FakeModule -SkipPlatyPS -WarningAction SilentlyContinue
        $written | Should -Be @((Join-Path $out 'FakeModule.dll-Help.xml'), (Join-Path $out 'about_FakeWidgets.help.txt'))
        (Get-ChildItem -Path $out -Force).Name | Sort-Object | Should -Be @('about_FakeWidgets.help.txt', 'FakeModule.dll-Help.xml')
        ([xml](Get-Content -Raw $written[0])).helpItems.command.details.name | Should -Be @('Get-FakeWidget', 'Remove-FakeWidget')
    }

    It 'warns when a page names a different external help file' {
        $out = Join-Path $TestDrive 'build-warn/en-US'
        Build-ModuleHelp -DocsPath $fixtures -OutputPath $out -ModuleName OtherName -SkipPlatyPS -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        $warnings | Should -HaveCount 2
        "$($warnings[0])" | Should -BeLike "*external help file: FakeModule.dll-Help.xml*OtherName.dll-Help.xml*"
    }

    It 'uses the built-in converter when platyPS is not installed' {
        $saved = $env:PSModulePath
        try {
            $env:PSModulePath = Join-Path $PSHOME 'Modules'
            if (Get-Module -ListAvailable -Name platyPS) { Set-ItResult -Skipped -Because 'platyPS ships with this PowerShell' }
            $out = Join-Path $TestDrive 'build-noplaty/en-US'
            $written = Build-ModuleHelp -DocsPath $fixtures -OutputPath $out -ModuleName FakeModule -WarningAction SilentlyContinue
            $written | Should -HaveCount 2
            $written[0] | Should -Be (Join-Path $out 'FakeModule.dll-Help.xml')
        }
        finally { $env:PSModulePath = $saved }
    }

    It 'delegates to platyPS New-ExternalHelp when platyPS is available' {
        $stubRoot = Join-Path $TestDrive 'stub-modules'
        New-Item -ItemType Directory -Path (Join-Path $stubRoot 'platyPS') | Out-Null
        Set-Content -Path (Join-Path $stubRoot 'platyPS/platyPS.psm1') -Value @'
function New-ExternalHelp {
    param([string[]]$Path, [string]$OutputPath, [switch]$Force)
    New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null
    $file = Join-Path $OutputPath 'FromStub.xml'
    Set-Content -Path $file -Value "$Path|$Force"
    Get-Item -Path $file
}
'@
        $saved = $env:PSModulePath
        try {
            $env:PSModulePath = $stubRoot + [IO.Path]::PathSeparator + $saved
            $out = Join-Path $TestDrive 'build-platy/en-US'
            $written = Build-ModuleHelp -DocsPath $fixtures -OutputPath $out -ModuleName FakeModule
            $written | Should -Be (Join-Path $out 'FromStub.xml')
            (Get-Content -Path $written) | Should -Be "$fixtures|True"
            Test-Path (Join-Path $out 'FakeModule.dll-Help.xml') | Should -BeFalse

            # -SkipPlatyPS ignores the installed platyPS.
            $skipped = Build-ModuleHelp -DocsPath $fixtures -OutputPath $out -ModuleName FakeModule -SkipPlatyPS
            $skipped[0] | Should -Be (Join-Path $out 'FakeModule.dll-Help.xml')
        }
        finally {
            $env:PSModulePath = $saved
            Remove-Module platyPS -ErrorAction Ignore
        }
    }

    It 'writes nothing when any page is bad' {
        $docs = Join-Path $TestDrive 'docs-bad'
        Copy-Item -Path $fixtures -Destination $docs -Recurse
        $broken = New-BrokenCopy 'about_FakeWidgets.md' '## SHORT DESCRIPTION' '## SUMMARY'
        Copy-Item -Path $broken -Destination $docs -Force
        $out = Join-Path $TestDrive 'build-bad/en-US'
        { Build-ModuleHelp -DocsPath $docs -OutputPath $out -ModuleName FakeModule -SkipPlatyPS } |
            Should -Throw -ErrorId 'HelpBuilder.InvalidMarkdown,Build-ModuleHelp' -ExpectedMessage '*about_FakeWidgets.md*SHORT DESCRIPTION*'
        Test-Path $out | Should -BeFalse
    }

    It 'reports a missing docs folder' {
        { Build-ModuleHelp -DocsPath (Join-Path $TestDrive 'nope') -OutputPath $TestDrive -ModuleName X -SkipPlatyPS } |
            Should -Throw -ErrorId 'HelpBuilder.NotFound,Build-ModuleHelp' -ExpectedMessage '*Docs folder not found*nope*'
    }
}

Describe 'Bad input' {
    It 'rejects <Case> with a message naming the file and the expectation' -TestCases @(
        @{ Case = 'a page without ## SYNOPSIS'; Fixture = 'Get-FakeWidget.md'
            Find = "## SYNOPSIS`nGets widgets from the fake widget store.`n`n"; Replace = ''
            Message = "*Get-FakeWidget.md*missing required section '## SYNOPSIS'*" }
        @{ Case = 'an empty SYNOPSIS'; Fixture = 'Get-FakeWidget.md'
            Find = "Gets widgets from the fake widget store.`n"; Replace = ''
            Message = "*Get-FakeWidget.md*(line 10)*'## SYNOPSIS' is empty*" }
        @{ Case = 'a yaml block without Type:'; Fixture = 'Get-FakeWidget.md'
            Find = "Type: Int32`n"; Replace = ''
            Message = "*Get-FakeWidget.md*(line 57)*parameter -Id has no 'Type:' line*" }
        @{ Case = 'front matter that is never closed'; Fixture = 'Get-FakeWidget.md'
            Find = "schema: 2.0.0`n---`n"; Replace = "schema: 2.0.0`n"
            Message = "*Get-FakeWidget.md*front matter opened with '---' is never closed*" }
        @{ Case = 'front matter with a line that is not key: value'; Fixture = 'Get-FakeWidget.md'
            Find = "Module Name: FakeModule`n"; Replace = "Module Name: FakeModule`nthis is not yaml`n"
            Message = "*Get-FakeWidget.md*(line 4)*expected 'key: value' in the front matter*" }
        @{ Case = 'an unsupported schema version'; Fixture = 'Get-FakeWidget.md'
            Find = 'schema: 2.0.0'; Replace = 'schema: 1.0.0'
            Message = "*Get-FakeWidget.md*expected 'schema: 2.0.0'*" }
        @{ Case = 'an unknown yaml key'; Fixture = 'Get-FakeWidget.md'
            Find = 'Aliases: WidgetName'; Replace = 'Alias: WidgetName'
            Message = "*Get-FakeWidget.md*unknown key 'Alias'*parameter -Name*" }
        @{ Case = 'a non-boolean Required'; Fixture = 'Remove-FakeWidget.md'
            Find = 'Required: True'; Replace = 'Required: Yes'
            Message = "*Remove-FakeWidget.md*'Required: Yes' of parameter -Name must be True or False*" }
        @{ Case = 'a parameter without a yaml block'; Fixture = 'Remove-FakeWidget.md'
            Find = '```yaml'; Replace = '```text'
            Message = "*Remove-FakeWidget.md*(line 33)*parameter -Name has no ???yaml block*" }
        @{ Case = 'syntax naming an undocumented parameter'; Fixture = 'Remove-FakeWidget.md'
            Find = '[-Name] <String>'; Replace = '[-Name] <String> [-Force]'
            Message = "*Remove-FakeWidget.md*uses -Force, but '## PARAMETERS' has no '### -Force'*" }
        @{ Case = 'an unknown section'; Fixture = 'Remove-FakeWidget.md'
            Find = '## NOTES'; Replace = '## REMARKS'
            Message = "*Remove-FakeWidget.md*unexpected section '## REMARKS'*" }
        @{ Case = 'a code block that is never closed'; Fixture = 'Remove-FakeWidget.md'
            Find = '## NOTES'; Replace = "## NOTES`n`n``````powershell`nGet-Thing"
            Message = "*Remove-FakeWidget.md*(line 61)*code block opened with ???*never closed*" }
        @{ Case = 'an example without code'; Fixture = 'Remove-FakeWidget.md'
            Find = "``````powershell`nPS C:\> Remove-FakeWidget -Name gear-1`n``````"; Replace = ''
            Message = "*Remove-FakeWidget.md*example 'Example 1' has no code block*" }
        @{ Case = 'a page without a # heading'; Fixture = 'Remove-FakeWidget.md'
            Find = "# Remove-FakeWidget`n"; Replace = ''
            Message = "*Remove-FakeWidget.md*expected the page to start with a '# <Name>' heading*" }
    ) {
        $page = New-BrokenCopy $Fixture $Find $Replace
        $out = Join-Path $TestDrive 'bad.xml'
        $err = { ConvertTo-MamlHelp -Path $page -OutputPath $out } |
            Should -Throw -ErrorId 'HelpBuilder.InvalidMarkdown,ConvertTo-MamlHelp' -ExpectedMessage $Message -PassThru
        # Reported by the public command as a data error, not as an internal .NET failure.
        $err.Exception | Should -BeOfType [System.IO.InvalidDataException]
        $err.Exception.Message | Should -BeLike 'Invalid help markdown in *'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        $err.InvocationInfo.MyCommand.Name | Should -Be 'ConvertTo-MamlHelp'
    }

    It 'rejects an about page <Case>' -TestCases @(
        @{ Case = 'without SHORT DESCRIPTION'; Find = '## SHORT DESCRIPTION'; Replace = '## INTRO'
            Message = "*about_FakeWidgets.md*missing required section '## SHORT DESCRIPTION'*" }
        @{ Case = 'whose heading is not about_'; Find = '# about_FakeWidgets'; Replace = '# FakeWidgets'
            Message = "*about_FakeWidgets.md*(line 1)*expected '# about_<Topic>'*" }
    ) {
        $page = New-BrokenCopy 'about_FakeWidgets.md' $Find $Replace
        { ConvertTo-AboutHelpText -Path $page -OutputPath (Join-Path $TestDrive 'bad.txt') } |
            Should -Throw -ErrorId 'HelpBuilder.InvalidMarkdown,ConvertTo-AboutHelpText' -ExpectedMessage $Message
    }

    It 'leaves an existing output file untouched when conversion fails' {
        $out = Join-Path $TestDrive 'keep/Help.xml'
        New-Item -ItemType Directory -Path (Split-Path $out) -Force | Out-Null
        Set-Content -Path $out -Value 'previous build'
        $page = New-BrokenCopy 'Get-FakeWidget.md' "Type: Int32`n" ''
        { ConvertTo-MamlHelp -Path $cmdletPages[1], $page -OutputPath $out } | Should -Throw -ErrorId 'HelpBuilder.InvalidMarkdown,ConvertTo-MamlHelp'
        Get-Content -Path $out | Should -Be 'previous build'
        (Get-ChildItem -Path (Split-Path $out) -Force).Name | Should -Be 'Help.xml'
    }

    It 'reports a missing input file' {
        { ConvertTo-MamlHelp -Path (Join-Path $TestDrive 'missing.md') -OutputPath (Join-Path $TestDrive 'x.xml') } |
            Should -Throw -ErrorId 'HelpBuilder.NotFound,ConvertTo-MamlHelp' -ExpectedMessage "*Markdown file not found*missing.md*"
    }

    It 'refuses input with no cmdlet page at all' {
        { ConvertTo-MamlHelp -Path $aboutPage -OutputPath (Join-Path $TestDrive 'none.xml') } |
            Should -Throw -ErrorId 'HelpBuilder.InvalidMarkdown,ConvertTo-MamlHelp' -ExpectedMessage '*None of the given markdown files is a cmdlet page*'
        Test-Path (Join-Path $TestDrive 'none.xml') | Should -BeFalse
    }
}

# Help drift checks: every cmdlet has a page, the pages document exactly the parameters the cmdlets
# have, every example in every page runs, and Get-Help shows it all in the shell. The README: Tour.Tests.ps1.
BeforeDiscovery {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'HelpExamples.psm1') -Force
    $docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $script:commands = @(Get-Command -Module BackpropPS -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
    $script:pages = @(Get-ChildItem $docs -Filter '*-*.md' | ForEach-Object { @{ Name = $_.BaseName; Path = $_.FullName } })
    $script:examples = @(foreach ($page in $pages) {
            foreach ($example in Get-HelpExample $page.Path) { @{ Page = $page.Name; Title = $example.Title; Example = $example } }
        })
}

BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'HelpExamples.psm1') -Force
    $script:docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $script:common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters |
        Where-Object { $_ -notin 'WhatIf', 'Confirm' }

    # The ### -Name sections of a page's PARAMETERS with their yaml fields.
    function script:Get-DocumentedParameter([string] $Path) {
        $text = Get-Content -Raw -LiteralPath $Path
        $section = ($text -split '(?m)^## PARAMETERS\s*$')[1] -split '(?m)^## ' | Select-Object -First 1
        foreach ($match in [regex]::Matches($section, '(?ms)^### -(?<name>\S+)\s*$(?<body>.*?)(?=^### |\z)')) {
            $yaml = @{}
            foreach ($field in [regex]::Matches($match.Groups['body'].Value, '(?m)^(?<key>[A-Za-z ]+): ?(?<value>.*)$')) {
                $yaml[$field.Groups['key'].Value] = $field.Groups['value'].Value.Trim()
            }
            [pscustomobject]@{ Name = $match.Groups['name'].Value; Yaml = $yaml; Description = ($match.Groups['body'].Value -split '```')[0].Trim() }
        }
    }
}

Describe 'Every cmdlet has a help page: <Name>' -ForEach $commands {
    It 'has docs/en-US/<Name>.md with the platyPS sections and at least two examples' {
        $path = Join-Path $docs "$Name.md"
        $path | Should -Exist
        $text = Get-Content -Raw -LiteralPath $path
        $text | Should -Match '(?m)^external help file: BackpropPS.dll-Help.xml\r?$'
        $text | Should -Match '(?m)^schema: 2.0.0\r?$'
        foreach ($section in 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS') {
            $text | Should -Match "(?m)^## $section\r?$" -Because "$Name needs a $section section"
        }
        @(Get-HelpExample $path).Count | Should -BeGreaterOrEqual 2
    }

    It 'documents exactly the parameters <Name> has, with their aliases and whether they are required' {
        $command = Get-Command $Name
        $documented = @(Get-DocumentedParameter (Join-Path $docs "$Name.md") | Where-Object Name -ne 'CommonParameters')
        $actual = @($command.Parameters.Values | Where-Object Name -notin $common)
        ($documented.Name | Sort-Object) | Should -Be ($actual.Name | Sort-Object)
        foreach ($parameter in $actual) {
            $page = $documented | Where-Object Name -eq $parameter.Name
            $page.Description | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
            # platyPS writes no aliases as an empty field; 'None' reads the same.
            $aliases = if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'None' }
            $written = if ($page.Yaml['Aliases']) { $page.Yaml['Aliases'] } else { 'None' }
            $written | Should -Be $aliases -Because "the aliases of -$($parameter.Name)"
            $mandatory = @($parameter.ParameterSets.Values.IsMandatory) -contains $true
            ($page.Yaml['Required'] -match 'True') | Should -Be $mandatory -Because "whether -$($parameter.Name) is required"
        }
    }

    It 'shows a synopsis, every parameter and an example in Get-Help -Full' {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeLike "$Name *" -Because 'a missing MAML falls back to the syntax as synopsis'
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterThan 0
        foreach ($parameter in (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }) {
            ($help.parameters.parameter | Where-Object name -eq $parameter).description | Should -Not -BeNullOrEmpty -Because "-$parameter in Get-Help"
        }
    }
}

Describe 'No page for a cmdlet that does not exist: <Name>' -ForEach $pages {
    It 'names an exported cmdlet' {
        Get-Command -Module BackpropPS -Name $Name -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty
    }
}

Describe 'Help example <Page>: <Title>' -ForEach $examples {
    It 'runs in a fresh session without errors and prints what the page shows' {
        # Fashion-MNIST is not shipped: its examples run where Debian's package has put it.
        if (@($Example.Commands -match 'Get-BackpropDataset FashionMnist').Count -and -not (Test-Path '/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz')) {
            Set-ItResult -Skipped -Because 'Fashion-MNIST is not installed (apt-get install -y dataset-fashion-mnist)'
            return
        }
        $result = Invoke-HelpExample $Example
        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -Be $Example.Expected
    }
}

Describe 'Markdown that the help builder reads as the author meant' {
    It 'has no line inside a paragraph or a list item that starts like a new list item' {
        # "* Input" wrapped onto its own line turned one bullet of Invoke-BackpropStep's formula into two.
        $traps = foreach ($file in Get-ChildItem $docs -Filter '*.md') {
            $block = $null; $inCode = $false; $number = 0
            foreach ($line in Get-Content -LiteralPath $file.FullName) {
                $number++
                if ($line -match '^\s*```') { $inCode = -not $inCode; $block = $null; continue }
                if ($inCode) { continue }
                if ($line -match '^\s*$|^#|^\s*\||^---') { $block = $null; continue }
                $isItem = $line -match '^\s*([-*+]|\d+[.)])\s+'
                if ($null -eq $block) { $block = if ($isItem) { 'list' } else { 'paragraph' }; continue }
                if ($isItem -and ($block -eq 'paragraph' -or $line -match '^\s')) { "$($file.Name):$number $line" }
            }
        }
        $traps | Should -BeNullOrEmpty
    }

    It 'keeps the output-layer formula of Invoke-BackpropStep in one paragraph of Get-Help' {
        $paragraphs = @((Get-Help Invoke-BackpropStep -Full).description.Text)
        $paragraphs -match '^- A weight into an output neuron: Gradient = LossDerivative .* \* Input \(dz/dw, the activation the weight multiplies\)\.$' |
            Should -HaveCount 1
        $paragraphs -match '^\* Input' | Should -BeNullOrEmpty
    }
}

Describe 'About topics' {
    It 'Get-Help about_BackpropPS shows the concepts' {
        $text = Get-Help about_BackpropPS | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'forward pass'
    }

    It 'Get-Help about_BackpropPS_NetworkFile describes the file format' {
        Get-Help about_BackpropPS_NetworkFile | Out-String | Should -Match 'BackpropPS.Network'
    }
}

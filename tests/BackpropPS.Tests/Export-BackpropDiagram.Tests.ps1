# Export-BackpropDiagram and Export-BackpropLossChart: files that parse, one element per neuron and per
# connection, the values shown, and the Export-* file rules (-Force, -WhatIf, atomic, errors with ErrorIds).
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:net = New-BackpropNetwork -Example StepByStep
    $script:step = $net | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
    function script:Read-Svg([string] $Path) { [xml](Get-Content -Raw -LiteralPath $Path) }
    function script:Get-Marked($Xml, [string] $Class) { @($Xml.SelectNodes("//*[@class='$Class']")) }
}

Describe 'Export-BackpropDiagram as SVG' {
    It 'draws the seed network: one element per input, neuron, bias and connection' {
        $path = Join-Path $TestDrive 'net.svg'
        $file = $net | Export-BackpropDiagram -Path $path -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $svg = Read-Svg $path
        $svg.DocumentElement.LocalName | Should -Be 'svg'
        $svg.DocumentElement.NamespaceURI | Should -Be 'http://www.w3.org/2000/svg'
        (Get-Marked $svg 'input').id | Should -Be x1, x2
        (Get-Marked $svg 'neuron').id | Should -Be h1, h2, o1, o2
        (Get-Marked $svg 'bias').id | Should -Be b1, b2
        (Get-Marked $svg 'connection').'data-parameter' | Should -Be w1_11, w1_12, w1_21, w1_22, w2_11, w2_12, w2_21, w2_22
        (Get-Marked $svg 'bias-connection').Count | Should -Be 4
        $w = Get-Marked $svg 'connection' | Where-Object { $_.'data-parameter' -eq 'w1_21' }
        $w.'data-from' | Should -Be 'x2'
        $w.'data-to' | Should -Be 'h1'
        $w.text.'#text' | Should -Be 'w1_21 = 0.2'
    }

    It 'draws a step with old -> new on every connection' {
        $path = Join-Path $TestDrive 'step.svg'
        $step | Export-BackpropDiagram -Path $path
        $svg = Read-Svg $path
        $w = Get-Marked $svg 'connection' | Where-Object { $_.'data-parameter' -eq 'w2_11' }
        $w.text.'#text' | Should -Be "w2_11: 0.4 $([char]0x2192) 0.3589"
        $w.title | Should -BeLike 'w2_11: 0.4 -> 0.35891647971788*(dE/dw2_11 = 0.0821670405642*)'
        (Get-Marked $svg 'bias' | Where-Object id -eq b2).title | Should -BeLike 'b2: 0.6 -> 0.5497998374439*'
    }

    It 'draws a gradient with its gradients and deltas' {
        $path = Join-Path $TestDrive 'gradient.svg'
        $step.Gradient | Export-BackpropDiagram -Path $path
        $svg = Read-Svg $path
        (Get-Marked $svg 'connection' | Where-Object { $_.'data-parameter' -eq 'w1_11' }).text.'#text' | Should -Be 'dE/dw1_11 = 0.0004386'
        (Get-Marked $svg 'neuron' | Where-Object id -eq o2).text.'#text' | Should -Contain 'delta = -0.0381'
    }

    It 'counts right for a larger network with per-neuron biases' {
        $path = Join-Path $TestDrive 'big.svg'
        New-BackpropNetwork -LayerSize 4, 7, 5, 3 -Activation ReLU, Tanh, Softmax -Seed 3 | Export-BackpropDiagram -Path $path
        $svg = Read-Svg $path
        (Get-Marked $svg 'input').Count | Should -Be 4
        (Get-Marked $svg 'neuron').Count | Should -Be (7 + 5 + 3)
        (Get-Marked $svg 'connection').Count | Should -Be (4 * 7 + 7 * 5 + 5 * 3)
        (Get-Marked $svg 'bias').Count | Should -Be 0
    }
}

Describe 'Export-BackpropDiagram as Graphviz DOT' {
    It 'writes one node per neuron and one edge per connection' {
        $path = Join-Path $TestDrive 'net.dot'
        $net | Export-BackpropDiagram -Path $path
        $lines = Get-Content -LiteralPath $path
        $lines[0] | Should -Be 'digraph network {'
        $lines[-1] | Should -Be '}'
        @($lines -match '^\s+"\w+" \[class="input"').Count | Should -Be 2
        @($lines -match '^\s+"\w+" \[class="neuron"').Count | Should -Be 4
        @($lines -match '^\s+"\w+" -> "\w+" \[class="connection"').Count | Should -Be 8
        $lines | Should -Contain '  "x2" -> "h1" [class="connection", color="#2b6cb0", label="w1_21 = 0.2", fontcolor="#2b6cb0", tooltip="w1_21 = 0.2"];'
    }

    It 'takes the format from .gv, or from -Format whatever the extension' {
        $net | Export-BackpropDiagram -Path (Join-Path $TestDrive 'net.gv')
        Get-Content -LiteralPath (Join-Path $TestDrive 'net.gv') -TotalCount 1 | Should -Be 'digraph network {'
        $net | Export-BackpropDiagram -Path (Join-Path $TestDrive 'net.txt') -Format Dot
        Get-Content -LiteralPath (Join-Path $TestDrive 'net.txt') -TotalCount 1 | Should -Be 'digraph network {'
        $net | Export-BackpropDiagram -Path (Join-Path $TestDrive 'svg.dot') -Format Svg
        (Read-Svg (Join-Path $TestDrive 'svg.dot')).DocumentElement.LocalName | Should -Be 'svg'
    }

    It 'writes the same text every time' {
        $a = Join-Path $TestDrive 'a.dot'; $b = Join-Path $TestDrive 'b.dot'
        $step | Export-BackpropDiagram -Path $a
        $step | Export-BackpropDiagram -Path $b
        (Get-FileHash $a).Hash | Should -Be (Get-FileHash $b).Hash
    }
}

Describe 'Export-BackpropDiagram file rules and errors' {
    It 'refuses to replace a file without -Force, and replaces it with -Force' {
        $path = Join-Path $TestDrive 'exists.svg'
        'keep me' | Set-Content -LiteralPath $path
        Get-ErrorRecord { $net | Export-BackpropDiagram -Path $path } 'DiagramFileExists' 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'keep me'
        $net | Export-BackpropDiagram -Path $path -Force
        (Read-Svg $path).DocumentElement.LocalName | Should -Be 'svg'
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.svg'
        $net | Export-BackpropDiagram -Path $path -WhatIf
        Test-Path -LiteralPath $path | Should -BeFalse
    }

    It 'takes -LiteralPath as typed' {
        $path = Join-Path $TestDrive 'net[1].svg'
        $net | Export-BackpropDiagram -LiteralPath $path
        Test-Path -LiteralPath $path | Should -BeTrue
    }

    It 'rejects an extension it cannot tell the format from' {
        $e = Get-ErrorRecord { $net | Export-BackpropDiagram -Path (Join-Path $TestDrive 'net.png') } 'UnknownDiagramFormat' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*-Format*'
    }

    It 'rejects an object it cannot draw' {
        $forward = $net | Invoke-BackpropForward -Input 0.05, 0.10
        Get-ErrorRecord { $forward | Export-BackpropDiagram -Path (Join-Path $TestDrive 'f.svg') } 'UnsupportedInputObject' 'InvalidType'
    }

    It 'rejects a second object for the same file' {
        Get-ErrorRecord { $net, $net | Export-BackpropDiagram -Path (Join-Path $TestDrive 'two.svg') } 'MultipleObjectsForOneFile' 'InvalidOperation'
    }

    It 'rejects a folder that does not exist' {
        Get-ErrorRecord { $net | Export-BackpropDiagram -Path (Join-Path $TestDrive 'no/such/net.svg') } 'DirectoryNotFound' 'ObjectNotFound'
    }
}

Describe 'Export-BackpropDiagram limits and paths' {
    It 'refuses a diagram too large to read, up front, saying the limit: <Sizes>' -TestCases @(
        @{ Sizes = 2, 1001, 1 }
        @{ Sizes = 200, 200, 1 }
    ) {
        param($Sizes)
        $path = Join-Path $TestDrive 'huge.svg'
        $e = Get-ErrorRecord { New-BackpropNetwork $Sizes -Seed 1 | Export-BackpropDiagram -Path $path } 'DiagramTooLarge' 'LimitsExceeded'
        $e.Exception.Message | Should -BeLike '*1,000 nodes in a column*30,000 connections*'
        $e.Exception.Message | Should -BeLike '*Get-BackpropParameter*'
        Test-Path -LiteralPath $path | Should -BeFalse
    }

    It 'reports a path with a null character as InvalidPath' {
        Get-ErrorRecord { $net | Export-BackpropDiagram -Path (Join-Path $TestDrive "a`0b.svg") } 'InvalidPath' 'InvalidArgument'
        Get-ErrorRecord { 1 | ForEach-Object { [pscustomobject]@{ Epoch = 1; Loss = 0.5 } } |
                Export-BackpropLossChart -Path (Join-Path $TestDrive "a`0b.svg") } 'InvalidPath' 'InvalidArgument'
    }

    It 'writes and replaces a diagram with a 240-character file name, leaving no temporary file' {
        $dir = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'long')
        $path = Join-Path $dir (('d' * 236) + '.svg')
        $net | Export-BackpropDiagram -LiteralPath $path
        $net | Export-BackpropDiagram -LiteralPath $path -Force
        (Read-Svg $path).DocumentElement.LocalName | Should -Be 'svg'
        (Get-ChildItem -Force $dir).Count | Should -Be 1
    }
}

Describe 'Export-BackpropLossChart' {
    BeforeAll {
        $script:history = 1..30 | ForEach-Object { [pscustomobject]@{ Epoch = $_; Loss = 0.3 / $_; ValidationLoss = 0.35 / $_ + 0.01 } }
        # OxyPlot draws each series as a polyline in its colour; count the points of the long ones.
        function script:Get-LinePoints($Xml, [string] $Rgb) {
            @($Xml.SelectNodes("//*[local-name()='polyline']") | Where-Object { $_.style -like "*stroke:$Rgb*" } |
                ForEach-Object { @($_.points -split ' ' | Where-Object { $_ }).Count } | Sort-Object -Descending)
        }
    }

    It 'draws a line chart with axes, titles and one point per epoch' {
        $path = Join-Path $TestDrive 'loss.svg'
        $history | Select-Object Epoch, Loss | Export-BackpropLossChart -Path $path
        $svg = Read-Svg $path
        $texts = @($svg.SelectNodes("//*[local-name()='text']")).InnerText
        $texts | Should -Contain 'Training loss'
        $texts | Should -Contain 'Epoch'
        $texts | Should -Contain 'Loss'
        $texts | Should -Not -Contain 'Validation loss'
        (Get-LinePoints $svg 'rgb(43,108,176)')[0] | Should -Be 30
    }

    It 'adds the validation loss as a second line with a legend' {
        $path = Join-Path $TestDrive 'validation.svg'
        $file = $history | Export-BackpropLossChart -Path $path -Title 'XOR' -Width 800 -Height 500 -PassThru
        $file.Name | Should -Be 'validation.svg'
        $svg = Read-Svg $path
        $svg.svg.width | Should -Be '800'
        @($svg.SelectNodes("//*[local-name()='text']")).InnerText | Should -Contain 'Validation loss'
        (Get-LinePoints $svg 'rgb(221,107,32)')[0] | Should -Be 30
    }

    It 'reads a history back from CSV, where every number is a string' {
        $csv = Join-Path $TestDrive 'history.csv'
        $history | Export-Csv -LiteralPath $csv -NoTypeInformation
        $path = Join-Path $TestDrive 'fromcsv.svg'
        Import-Csv -LiteralPath $csv | Export-BackpropLossChart -Path $path -LogScale
        $svg = Read-Svg $path
        @($svg.SelectNodes("//*[local-name()='text']")).InnerText | Should -Contain 'Loss (log scale)'
        (Get-LinePoints $svg 'rgb(43,108,176)')[0] | Should -Be 30
    }

    It 'reports a bad record, skips it and draws the rest' {
        $path = Join-Path $TestDrive 'partial.svg'
        $records = @($history[0..4]) + [pscustomobject]@{ Epoch = 6; Loss = 'oops' } + [pscustomobject]@{ Epoch = 7 }
        $records | Export-BackpropLossChart -Path $path -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidLossRecord,*'
        $problems[0].Exception.Message | Should -BeLike "*Loss is 'oops'*"
        (Get-LinePoints (Read-Svg $path) 'rgb(43,108,176)')[0] | Should -Be 5
    }

    It 'writes SVG only' {
        $e = Get-ErrorRecord { $history | Export-BackpropLossChart -Path (Join-Path $TestDrive 'loss.png') } 'UnsupportedChartFormat' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*.svg*'
    }

    It 'refuses to replace a file without -Force' {
        $path = Join-Path $TestDrive 'chart-exists.svg'
        'keep me' | Set-Content -LiteralPath $path
        Get-ErrorRecord { $history | Export-BackpropLossChart -Path $path } 'ChartFileExists' 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'keep me'
        $history | Export-BackpropLossChart -Path $path -Force
        (Read-Svg $path).svg.width | Should -Be '640'
    }

    It 'leaves no file behind when there is nothing to draw' {
        $path = Join-Path $TestDrive 'empty.svg'
        Get-ErrorRecord { [pscustomobject]@{ Epoch = 1 } | Export-BackpropLossChart -Path $path -ErrorAction SilentlyContinue } 'NoLossData' 'InvalidArgument'
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '*empty*' -Force).Count | Should -Be 0
    }

    It 'refuses a title with a control character, which SVG cannot hold' {
        $path = Join-Path $TestDrive 'control.svg'
        $e = Get-ErrorRecord { $history | Export-BackpropLossChart -Path $path -Title "a`u{1}b" } 'InvalidTitle' 'InvalidArgument'
        $e.Exception.Message | Should -Match ([regex]::Escape('a`u{1}b'))
        Test-Path -LiteralPath $path | Should -BeFalse
    }

    It 'draws a title with a line break as two lines' {
        $path = Join-Path $TestDrive 'two-lines.svg'
        $history | Export-BackpropLossChart -Path $path -Title "Run 3`nlearning rate 0.5"
        $texts = (Read-Svg $path).SelectNodes("//*[local-name()='text']").InnerText
        $texts | Should -Contain 'Run 3'
        $texts | Should -Contain 'learning rate 0.5'
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif-chart.svg'
        $history | Export-BackpropLossChart -Path $path -WhatIf
        Test-Path -LiteralPath $path | Should -BeFalse
    }
}

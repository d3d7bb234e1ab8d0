# Export-BackpropDiagram: SVG and Graphviz DOT files that parse, one element per neuron and per connection, the values shown, and the Export-* file rules.
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
        # Lowered is orange and raised blue, as the legend says; each label on a white box beside its line.
        $w.line.stroke | Should -Be '#c05621'
        (Get-Marked $svg 'connection' | Where-Object { $_.'data-parameter' -eq 'w2_12' }).line.stroke | Should -Be '#2b6cb0'
        (Get-Marked $svg 'legend').'#text' | Should -Be "old $([char]0x2192) new; blue: raised, orange: lowered, thicker: larger change"
        (Get-Marked $svg 'label-box').'data-placement' | Should -Be (@('beside') * 8)
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
    It 'replaces a file as Export-Csv does, and keeps it with -NoClobber' {
        $path = Join-Path $TestDrive 'exists.svg'
        'keep me' | Set-Content -LiteralPath $path
        Get-ErrorRecord { $net | Export-BackpropDiagram -Path $path -NoClobber } 'DiagramFileExists' 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'keep me'
        $net | Export-BackpropDiagram -Path $path
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

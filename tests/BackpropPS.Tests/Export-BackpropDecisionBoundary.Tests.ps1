# Export-BackpropDecisionBoundary: the SVG parsed as XML (panels, animated frames, neuron tiles), a run read back with Import-Clixml, the Export-* file rules and the errors.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    function script:Read-Svg([string] $Path) { [xml](Get-Content -Raw -LiteralPath $Path) }
    function script:Get-Marked($Node, [string] $Class) { @($Node.SelectNodes(".//*[@class='$Class']")) }

    $script:circle = Get-BackpropDataset Circle -Count 60 -Noise 0.05 -Seed 3
    $net = New-BackpropNetwork 2, 5, 1 -Activation Tanh, Sigmoid -Seed 2
    # Standardized, so that the grid (raw units) must go through the network's scaling to agree with prediction.
    $script:run = $circle | Invoke-BackpropTraining -Network $net -TargetColumn label -Optimizer Adam -LearningRate 0.05 -Epochs 12 -Standardize -Seed 1
    $script:trained = $run[-1].Network
    $script:seed = New-BackpropNetwork -Example StepByStep
}

Describe 'Export-BackpropDecisionBoundary' {
    It 'draws one map of the last epoch with the data''s points on it, axes named by the inputs' {
        $path = Join-Path $TestDrive 'last.svg'
        $file = $run | Export-BackpropDecisionBoundary -Path $path -Data $circle -PassThru
        $file.FullName | Should -Be $path
        $svg = Read-Svg $path
        $svg.DocumentElement.NamespaceURI | Should -Be 'http://www.w3.org/2000/svg'
        $panels = @(Get-Marked $svg 'panel')
        $panels.Count | Should -Be 1
        $panels[0].'data-epoch' | Should -Be '12'
        (Get-Marked $svg 'point').Count | Should -Be 60
        (Get-Marked $svg 'point' | Where-Object fill -eq '#2b6cb0').Count | Should -Be @($circle | Where-Object label -eq 1).Count
        (Get-Marked $svg 'axis-title').'#text' | Should -Be 'x1', 'x2'
        $image = @(Get-Marked $svg "heatmap")[0]
        $png = [Convert]::FromBase64String($image.GetAttribute('href', 'http://www.w3.org/1999/xlink').Substring(22))
        [Text.Encoding]::ASCII.GetString($png, 12, 4) | Should -Be 'IHDR'
        [Net.IPAddress]::NetworkToHostOrder([BitConverter]::ToInt32($png, 16)) | Should -Be 100
    }

    It 'draws one panel per epoch chosen with -Epoch, in that order' {
        $path = Join-Path $TestDrive 'epochs.svg'
        $run | Export-BackpropDecisionBoundary -Path $path -Data $circle -Epoch 1, 6, 12 -Resolution 20
        $svg = Read-Svg $path
        $panels = @(Get-Marked $svg 'panel')
        $panels.'data-epoch' | Should -Be '1', '6', '12'
        (Get-Marked $svg 'caption').'#text' | Should -Be 'Decision boundary of a 2-5-1 network at epochs 1, 6 and 12'
        (Get-Marked $panels[1] 'panel-caption').'#text' | Should -BeLike "Epoch 6: loss $($run[5].Loss.ToString('G4', [cultureinfo]::InvariantCulture))*"
        Get-ErrorRecord { $run | Export-BackpropDecisionBoundary -Path (Join-Path $TestDrive 'e99.svg') -Epoch 99 } 'EpochNotFound' 'InvalidArgument'
    }

    It 'animates the epochs: one frame each, the last visible without SMIL; a long run is thinned to 60' {
        $path = Join-Path $TestDrive 'anim.svg'
        $run | Export-BackpropDecisionBoundary -Path $path -Data $circle -Animate -Resolution 10 -FrameDuration 0.5
        $svg = Read-Svg $path
        (Get-Marked $svg 'panel').Count | Should -Be 1
        $frames = @(Get-Marked $svg 'frame')
        $frames.'data-epoch' | Should -Be @(1..12 | ForEach-Object { "$_" })
        @($frames | Where-Object visibility -eq 'visible').'data-epoch' | Should -Be '12'
        @($svg.SelectNodes("//*[local-name()='animate']")).Count | Should -Be 12
        $svg.SelectNodes("//*[local-name()='animate']")[0].dur | Should -Be '6s'
        $long = $circle | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 3, 1 -Seed 1) -TargetColumn label -Epochs 150
        $thin = Join-Path $TestDrive 'thin.svg'
        $long | Export-BackpropDecisionBoundary -Path $thin -Animate -Resolution 4 -XRange -1, 1 -YRange -1, 1
        $epochs = (Get-Marked (Read-Svg $thin) 'frame').'data-epoch'
        $epochs.Count | Should -Be 60
        $epochs[0], $epochs[-1] | Should -Be '1', '150'
    }

    It 'names an animation''s frames as frames, and each frame''s accuracy as a percentage as the epoch view prints it' {
        $path = Join-Path $TestDrive 'frames.svg'
        $run | Export-BackpropDecisionBoundary -Path $path -Data $circle -Animate -Resolution 4
        $svg = Read-Svg $path
        (Get-Marked $svg 'caption').'#text' | Should -Be 'Decision boundary of a 2-5-1 network: an animation of 12 frames, epochs 1 to 12'
        $invariant = [cultureinfo]::InvariantCulture
        $last = 'Epoch 12: loss {0}, accuracy {1}' -f $run[-1].Loss.ToString('G4', $invariant), $run[-1].Accuracy.ToString('P1', $invariant)
        (Get-Marked $svg 'panel-caption')[-1].'#text' | Should -Be $last
        $run | Export-BackpropDecisionBoundary -Path $path -Data $circle -Animate -Epoch 1, 6, 12 -Resolution 4 -Force
        (Get-Marked (Read-Svg $path) 'caption').'#text' | Should -Be 'Decision boundary of a 2-5-1 network: an animation of 3 frames, epochs 1, 6 and 12'
    }

    It 'draws one tile per neuron of -Layer, named as the module names neurons' {
        $path = Join-Path $TestDrive 'tiles.svg'
        $trained | Export-BackpropDecisionBoundary -Path $path -Data $circle -Layer 1 -Resolution 30
        $tiles = @(Get-Marked (Read-Svg $path) 'tile')
        $tiles.Count | Should -Be $trained.Layers[0].OutputSize
        $tiles.id | Should -Be 'h1', 'h2', 'h3', 'h4', 'h5'
        $deep = New-BackpropNetwork 2, 4, 3, 2 -Activation ReLU, Tanh, Softmax -Seed 1
        $deep | Export-BackpropDecisionBoundary -Path $path -Layer 2 -Neuron 3, 1 -XRange -1, 1 -YRange -1, 1 -Force
        (Get-Marked (Read-Svg $path) 'tile').id | Should -Be 'h2_3', 'h2_1'
    }

    It 'draws a run read back with Import-Clixml the same as the live run' {
        $clixml = Join-Path $TestDrive 'run.xml'
        $run | Export-Clixml -LiteralPath $clixml
        $live = Join-Path $TestDrive 'live.svg'; $back = Join-Path $TestDrive 'back.svg'
        $run | Export-BackpropDecisionBoundary -Path $live -Data $circle -Epoch 3, 12 -Resolution 15
        Import-Clixml -LiteralPath $clixml | Export-BackpropDecisionBoundary -Path $back -Data $circle -Epoch 3, 12 -Resolution 15
        Get-Content -Raw -LiteralPath $back | Should -BeExactly (Get-Content -Raw -LiteralPath $live)
    }

    It 'follows the Export-* file rules: -WhatIf, -NoClobber, -LiteralPath, .svg only' {
        $path = Join-Path $TestDrive 'rules[1].svg'
        $seed | Export-BackpropDecisionBoundary -LiteralPath $path -XRange 0, 1 -YRange 0, 1 -WhatIf
        Test-Path -LiteralPath $path | Should -BeFalse
        'keep me' | Set-Content -LiteralPath $path
        Get-ErrorRecord { $seed | Export-BackpropDecisionBoundary -LiteralPath $path -XRange 0, 1 -YRange 0, 1 -NoClobber } 'ImageFileExists' 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'keep me'
        $seed | Export-BackpropDecisionBoundary -LiteralPath $path -XRange 0, 1 -YRange 0, 1
        (Read-Svg $path).DocumentElement.LocalName | Should -Be 'svg'
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '*.tmp' -Force).Count | Should -Be 0
        Get-ErrorRecord { $seed | Export-BackpropDecisionBoundary -Path (Join-Path $TestDrive 'b.png') -XRange 0, 1 -YRange 0, 1 } 'UnsupportedImageFormat' 'InvalidArgument'
    }

    It 'refuses <Case> with <ErrorId>, writing nothing' -ForEach @(
        @{ Case = 'a network without two inputs'; ErrorId = 'NotTwoInputs'; Script = { param($p) New-BackpropNetwork 3, 2 -Seed 1 | Export-BackpropDecisionBoundary -Path $p -XRange 0, 1 -YRange 0, 1 } }
        @{ Case = '-Layer with -Animate'; ErrorId = 'ConflictingOutput'; Script = { param($p) $run | Export-BackpropDecisionBoundary -Path $p -Data $circle -Layer 1 -Animate } }
        @{ Case = '-Layer over several epochs'; ErrorId = 'ConflictingOutput'; Script = { param($p) $run | Export-BackpropDecisionBoundary -Path $p -Data $circle -Layer 1 -Epoch 1, 2 } }
        @{ Case = '-Neuron without -Layer'; ErrorId = 'NeuronWithoutLayer'; Script = { param($p) $seed | Export-BackpropDecisionBoundary -Path $p -Neuron 1 -XRange 0, 1 -YRange 0, 1 } }
        @{ Case = '-Animate for one network'; ErrorId = 'NotATrainingRun'; Script = { param($p) $seed | Export-BackpropDecisionBoundary -Path $p -Animate -XRange 0, 1 -YRange 0, 1 } }
        @{ Case = 'two networks for one file'; ErrorId = 'MultipleObjectsForOneFile'; Script = { param($p) $seed, $seed | Export-BackpropDecisionBoundary -Path $p -XRange 0, 1 -YRange 0, 1 } }
        @{ Case = 'something that is no network'; ErrorId = 'NotANetwork'; Script = { param($p) 'hello' | Export-BackpropDecisionBoundary -Path $p -XRange 0, 1 -YRange 0, 1 } }
        @{ Case = 'a data set without two columns'; ErrorId = 'NotTwoInputColumns'; Script = { param($p) $seed | Export-BackpropDecisionBoundary -Path $p -Data (Get-BackpropDataset Iris -AsDataset) } }
        @{ Case = 'a zero frame duration'; ErrorId = 'InvalidFrameDuration'; Script = { param($p) $run | Export-BackpropDecisionBoundary -Path $p -Data $circle -Animate -FrameDuration 0 } }
        @{ Case = 'twelve panels at the finest resolution'; ErrorId = 'BoundaryTooLarge'; Script = { param($p) $run | Export-BackpropDecisionBoundary -Path $p -Data $circle -Epoch (1..12 + 1..8) -Resolution 1000 } }
        @{ Case = 'more frames than a picture holds'; ErrorId = 'BoundaryTooLarge'; Script = { param($p) $run | Export-BackpropDecisionBoundary -Path $p -Data $circle -Animate -Epoch (1..12 * 90) -Resolution 2 } }
        @{ Case = 'a layer of more tiles than points allow'; ErrorId = 'BoundaryTooLarge'; Script = { param($p) New-BackpropNetwork 2, 40, 1 -Seed 1 | Export-BackpropDecisionBoundary -Path $p -Layer 1 -XRange 0, 1 -YRange 0, 1 -Resolution 1000 } }
    ) {
        $path = Join-Path $TestDrive "refused-$ErrorId.svg"
        $e = Get-ErrorRecord { & $Script $path } $ErrorId
        if ($ErrorId -eq 'BoundaryTooLarge') { $e.Exception.Message | Should -BeLike 'A decision-boundary picture holds at most 1,000 maps and 16,000,000 grid points; *Choose fewer epochs (-Epoch) or neurons (-Neuron), or a lower -Resolution.' }
        Test-Path -LiteralPath $path | Should -BeFalse
    }
}

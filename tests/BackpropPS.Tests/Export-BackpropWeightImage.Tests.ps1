# Export-BackpropWeightImage: one SVG tile per neuron of a layer, one rect per weight, scaled around 0, and what it refuses.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    function script:Read-Svg([string] $Path) { [xml](Get-Content -Raw -LiteralPath $Path) }
    function script:Get-Marked($Node, [string] $Class) { @($Node.SelectNodes(".//*[@class='$Class']")) }
    function script:Get-Pixel($Tile) { @($Tile.SelectNodes("*[@class='pixels']/*[local-name()='rect']")) }
    $script:mnistNet = New-BackpropNetwork 784, 12, 10 -Activation ReLU, Softmax -Seed 3
    $script:digitsNet = New-BackpropNetwork 64, 9, 10 -Activation ReLU, Softmax -Seed 3
}

Describe 'Export-BackpropWeightImage' {
    It 'draws one 28 x 28 tile per hidden neuron of the first layer, named as the module names neurons' {
        $path = Join-Path $TestDrive 'weights.svg'
        $file = $mnistNet | Export-BackpropWeightImage -Path $path -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $file.FullName | Should -Be $path
        $file.PSPath | Should -BeLike '*FileSystem::*weights.svg'
        $svg = Read-Svg $path
        $svg.DocumentElement.LocalName | Should -Be 'svg'
        $svg.DocumentElement.NamespaceURI | Should -Be 'http://www.w3.org/2000/svg'
        $tiles = Get-Marked $svg 'tile'
        $tiles.id | Should -Be @(1..12 | ForEach-Object { "h$_" })
        foreach ($tile in $tiles) { (Get-Pixel $tile).Count | Should -Be 784 }
        (Get-Marked $tiles[4] 'label').'#text' | Should -Be 'h5'
        (Get-Pixel $tiles[0])[-1].x | Should -Be '27'
        (Get-Pixel $tiles[0])[-1].y | Should -Be '27'
        (Get-Marked $svg 'caption').'#text' | Should -BeLike 'Layer 1 of 784-12-10*28 x 28*'
    }

    It 'scales each tile symmetrically around 0 by its own largest |weight|' {
        $layer = [BackpropPS.Core.Layer]::new(4, 2, [double[]](0.5, -0.25, 0, 0.125, -3, 3, 1.5, 0), [double[]](0, 0), 'Linear')
        $net = [BackpropPS.Core.Network]::new([BackpropPS.Core.Layer[]]@($layer), $null)
        $path = Join-Path $TestDrive 'scaled.svg'
        Export-BackpropWeightImage -Network $net -Path $path
        $tiles = Get-Marked (Read-Svg $path) 'tile'
        # Blue positive, orange negative, white 0 (the pictures' sign colours): 0.5 is full blue, -0.25 half orange.
        (Get-Pixel $tiles[0]).fill | Should -Be '#2b6cb0', '#e0aa90', '#ffffff', '#cadaeb'
        (Get-Pixel $tiles[1]).fill | Should -Be '#c05621', '#2b6cb0', '#95b6d8', '#ffffff'
        $tiles[1].title | Should -Be 'o2: weights from -3 to 3 (full blue is +3, full orange is -3)'
    }

    It 'draws a chosen layer and neurons with an image width, in rows of -Columns' {
        $path = Join-Path $TestDrive 'layer2.svg'
        $digitsNet | Export-BackpropWeightImage -Path $path -Layer 2 -ImageWidth 3 -Neuron 10, 2 -Columns 1 -Title 'Outputs'
        $svg = Read-Svg $path
        (Get-Marked $svg 'tile').id | Should -Be 'o10', 'o2'
        (Get-Pixel (Get-Marked $svg 'tile')[0]).Count | Should -Be 9
        (Get-Marked $svg 'caption').'#text' | Should -Be 'Outputs'
        # One column: both tiles at the same x, one under the other.
        $x = (Get-Marked $svg 'tile').transform | ForEach-Object { ($_ -split '[( ]')[1] }
        $x[0] | Should -Be $x[1]
    }

    It 'refuses a layer whose inputs are not a whole image' {
        $e = Get-ErrorRecord { $mnistNet | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'no.svg') -Layer 2 } 'NotAnImage' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike 'Layer 2 takes 12 inputs*-ImageWidth*'
        Get-ErrorRecord { $digitsNet | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'no.svg') -ImageWidth 5 } 'NotAnImage' 'InvalidArgument'
        Test-Path (Join-Path $TestDrive 'no.svg') | Should -BeFalse
    }

    It 'refuses more tiles than one picture can show, and says the limit' {
        $wide = New-BackpropNetwork 4, 401 -Activation Sigmoid -Seed 1
        $e = Get-ErrorRecord { $wide | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'wide.svg') } 'TooManyImages' 'LimitsExceeded'
        $e.Exception.Message | Should -BeLike '*401 neurons*at most 400*-Neuron*'
        $wide | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'wide.svg') -Neuron (1..400)
        (Get-Marked (Read-Svg (Join-Path $TestDrive 'wide.svg')) 'tile').Count | Should -Be 400
    }

    It 'rejects a layer or neuron that does not exist' {
        Get-ErrorRecord { $digitsNet | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'x.svg') -Layer 3 } 'LayerNotFound' 'InvalidArgument'
        Get-ErrorRecord { $digitsNet | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'x.svg') -Neuron 10 } 'NeuronNotFound' 'InvalidArgument'
    }

    It 'draws one picture per file: a second piped network is an error' {
        Get-ErrorRecord { $digitsNet, $digitsNet | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'two.svg') } 'MultipleObjectsForOneFile' 'InvalidOperation'
    }
}
